"""The officer's signing key, and signing and checking the statement an export makes about itself.

Each officer (each user account on each computer) has one Ed25519 key pair from the ``cryptography``
library, made on first export and kept in ``paths.keys_folder()`` with owner-only permissions where the
operating system has them (on Windows the per-user local application data folder is private to the user
already). The private key never goes into an office file or an export; several officers may sign for
one office, each with their own key, and the county registers each of them.

What is signed: the export's manifest, as canonical bytes (``canonical_bytes``: the fields as JSON with
sorted keys, no spaces, UTF-8), prefixed with ``SIGNING_CONTEXT`` so a signature made for an export can
never be taken for one made for anything else. The manifest holds the content checksums, so the
signature covers the rows through them.

A key's fingerprint is what people read to each other on the phone: the first 96 bits of the SHA-256 of
the raw public key, in six groups of four hexadecimal digits ("3F2A 9C1B 77D0 12AB 4C9E 0F31"). The full
public key travels in the manifest and is what the county keeps.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIGNATURE_METHOD = "ed25519/sorted-json-v1"
SIGNING_CONTEXT = b"safer-desk county export v2\n"
KEY_FILE_NAME = "officer-signing-key.pem"


class SignatureInvalid(ValueError):
    """The signature does not match the statement and the public key it names."""


class KeyFileError(OSError):
    """The officer's key file cannot be read or made; the message says where and why."""


class KeyFileDamaged(KeyFileError):
    """The officer's key file is there and readable but holds no Safer Desk key (empty, damaged, another program's):
    ``replace_damaged_key`` sets it aside for a new one."""


def fingerprint(public_key_raw: bytes) -> str:
    digest = hashlib.sha256(public_key_raw).hexdigest().upper()[:24]
    return " ".join(digest[i:i + 4] for i in range(0, 24, 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed ("3f2a9c1b…", "3F2A-9C1B-…") in its printed form, or "" when it is not one."""
    hexdigits = "".join(ch for ch in text.upper() if ch not in " -:")
    if len(hexdigits) != 24 or any(ch not in "0123456789ABCDEF" for ch in hexdigits):
        return ""
    return " ".join(hexdigits[i:i + 4] for i in range(0, 24, 4))


def canonical_bytes(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class OfficerKey:
    """An officer's key pair (the private half stays on this computer)."""

    private_key: Any  # cryptography's Ed25519PrivateKey
    path: Path | None = None
    privacy_note: str = ""  # what reading it found of who else could read it, and did (``keep_private``)

    @property
    def public_raw(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def public_text(self) -> str:
        return base64.b64encode(self.public_raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)

    def sign(self, statement: bytes) -> str:
        return base64.b64encode(self.private_key.sign(SIGNING_CONTEXT + statement)).decode("ascii")

    @classmethod
    def generate(cls) -> "OfficerKey":
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return cls(Ed25519PrivateKey.generate())


def key_path(folder: Path | None = None) -> Path:
    from safer_desk.paths import keys_folder

    return (Path(folder) if folder is not None else keys_folder()) / KEY_FILE_NAME


def existing_officer_key(folder: Path | None = None) -> OfficerKey | None:
    """This officer's key, or None when none has been made yet."""
    from cryptography.hazmat.primitives import serialization

    path = key_path(folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyFileError(f"Your signing key at {path} cannot be read: {_cause(exc)}."
                           f"{_unreadable_advice(path, exc)}") from exc
    # What to do is the same whatever is wrong with it (the library's own words, a web address among them, are not
    # the officer's): a new key, which the county confirms by phone like any new one.
    move_aside = ("Move it aside (or delete it) to have a new one made at your next export, or use File > Signing "
                  "Keys…, New Key…; the county will then have to confirm the new key with you.")
    if not data.strip():  # a copy or a sync that never finished
        raise KeyFileDamaged(f"Your signing key at {path} is empty: the key in it is lost. {move_aside}")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileDamaged(f"Your signing key at {path} is damaged: it cannot be read as a key. "
                             f"{move_aside}") from exc
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileDamaged(f"{path} is not a Safer Desk signing key (another program's key has that name). "
                             f"{move_aside}")
    return OfficerKey(key, path, keep_private(path))


def keep_private(path: Path) -> str:
    """Make the key file owner-only again (0600, its folder 0700) where other accounts could read it: one put back
    from a backup, copied from another computer or unzipped keeps the permissions the copy gave it, and anyone who
    can read it can sign as the officer. Returns what was found and done, in words ("" when it was private, and on
    Windows, where the user's data folder is private already)."""
    if os.name == "nt":
        return ""
    import stat

    opened = []
    try:
        for place, private in ((path, 0o600), (path.parent, 0o700)):
            if stat.S_IMODE(place.stat().st_mode) & 0o077:
                opened.append((place, private))
    except OSError:
        return ""
    if not opened:
        return ""
    try:
        for place, private in opened:
            os.chmod(place, private)
    except OSError as exc:
        return (f"Your signing key at {path} could be read by other accounts on this computer, and could not be made "
                f"private: {_cause(exc)}. Anyone who can read it can sign exports as you: ask IT to make it readable "
                "by your account alone.")
    return (f"Your signing key at {path} could be read by other accounts on this computer (as a copy from a backup or "
            "another computer leaves it): now it can be read by your account alone.")


def officer_key(folder: Path | None = None) -> OfficerKey:
    """This officer's key, made (once, whoever gets there first) when there is none."""
    found = existing_officer_key(folder)
    if found is not None:
        return found
    from cryptography.hazmat.primitives import serialization

    path = key_path(folder)
    key = OfficerKey.generate()
    pem = key.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name != "nt":
            os.chmod(path.parent, 0o700)
        _write_durably(path.parent, path, pem, exclusive=True)
    except OSError as exc:
        raise KeyFileError(f"Your signing key could not be made in {path.parent}: {_cause(exc)}.") from exc
    made = existing_officer_key(folder)
    assert made is not None
    return made


REPLACED_FOLDER = "replaced"


class KeyNotReplaced(ValueError):
    """The key named is not this officer's key: nothing was changed."""


def replace_withdrawn_key(withdrawn: str, folder: Path | None = None) -> tuple[OfficerKey, Path]:
    """Make a new key in place of this officer's key, which the county withdrew: only the key named by its fingerprint
    (never one replaced by a slip). The old key's fingerprint and public half are kept in a record beside the key
    (``replaced/``), written before the key file is replaced, so there is never a moment with neither; its private
    half is destroyed, as a withdrawn key never signs again. The new key and the record's path."""
    from datetime import datetime, timezone

    from cryptography.hazmat.primitives import serialization

    fp = normal_fingerprint(withdrawn)
    if not fp:
        raise KeyNotReplaced(f"“{withdrawn.strip()}” is not a key fingerprint (24 hexadecimal digits, as `safer-desk "
                             "key` prints them). Nothing was changed.")
    path = key_path(folder)
    current = existing_officer_key(folder)
    records = path.parent / REPLACED_FOLDER
    record = records / f"{fp.replace(' ', '')}.txt"
    if current is None:
        raise KeyNotReplaced("There is no signing key on this computer yet (one is made at your first export): there "
                             "is nothing to replace. Nothing was changed.")
    if current.fingerprint != fp:
        earlier = ""
        if record.exists():
            when = next((line.split(": ", 1)[1] for line in record.read_text(encoding="utf-8").splitlines()
                         if line.startswith("replaced at: ")), "")
            earlier = f" {fp} was replaced on this computer on {when}."
        raise KeyNotReplaced(f"your signing key is {current.fingerprint}, not {fp}: only the key the county withdrew "
                             f"is replaced (its fingerprint is in the county's refusal).{earlier} Nothing was changed.")
    new = OfficerKey.generate()
    now = datetime.now(timezone.utc).strftime("%d/%m/%Y %H:%M UTC")
    text = ("A Safer Desk signing key replaced on this computer, the county having withdrawn it. Its private half was "
            "destroyed; its public half is kept so that exports it signed can still be checked.\n"
            f"fingerprint: {fp}\npublic key: {current.public_text}\nreplaced at: {now}\n"
            f"replaced by: {new.fingerprint}\n")
    pem = new.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    try:
        records.mkdir(exist_ok=True)
        _write_durably(records, record, text.encode("utf-8"))
        _write_durably(path.parent, path, pem)
    except OSError as exc:
        raise KeyFileError(f"Your signing key could not be replaced in {path.parent}: {_cause(exc)}. Your key is "
                           f"still {fp}.") from exc
    made = existing_officer_key(folder)
    assert made is not None
    return made, record


def damaged_key(folder: Path | None = None) -> str:
    """What is wrong with this officer's key file when it holds no Safer Desk key (empty, damaged, another program's),
    in words; "" when it is sound, missing, or cannot be read at all (a folder's permissions: not a new key's to
    mend)."""
    try:
        existing_officer_key(folder)
    except KeyFileDamaged as exc:
        return str(exc)
    return ""


def replace_damaged_key(folder: Path | None = None) -> tuple[OfficerKey, Path]:
    """Set this officer's damaged key file aside (kept, never deleted, in ``replaced/``) and make a new key: only when
    it holds no key (``damaged_key``), never in place of a sound one. The new key and where the damaged file went."""
    from datetime import datetime

    path = key_path(folder)
    try:
        current = existing_officer_key(folder)
    except KeyFileDamaged:
        current = None
    else:
        said = (f"Your signing key {current.fingerprint} is sound: a new one is made only when the county has "
                "withdrawn it (type its fingerprint)." if current is not None else
                "There is no signing key on this computer yet (one is made at your first export).")
        raise KeyNotReplaced(f"{said} Nothing was changed.")
    records = path.parent / REPLACED_FOLDER
    aside = records / f"damaged {datetime.now().strftime('%Y-%m-%d %H%M%S')}.pem"
    try:
        records.mkdir(exist_ok=True)
        if aside.exists():  # twice in a second: never over the first
            aside = aside.with_name(f"{aside.stem} {os.getpid()}.pem")
        os.replace(path, aside)
    except OSError as exc:
        raise KeyFileError(f"Your damaged signing key could not be set aside in {records}: {_cause(exc)}. Nothing "
                           "was changed.") from exc
    return officer_key(folder), aside


def _write_durably(folder: Path, path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """data as path, whole or not at all: a temporary file beside it, owner-only, moved into place. Named and noted as
    every write's temporary file is (``leftovers.new_temp_path``), so that one a killed run left (a copy of a private
    key) is removed at the next start. exclusive: if another Safer Desk made the file meanwhile, that one wins and
    this one is dropped."""
    from safer_desk.storage import leftovers
    from safer_desk.storage.safe_write import replace_into_place

    tmp = leftovers.new_temp_path(path)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not exclusive:
            replace_into_place(tmp, path)
        else:
            try:
                if os.name == "nt":
                    os.rename(tmp, path)  # refused (FileExistsError) when the file is there
                else:
                    os.link(tmp, path)
            except FileExistsError:
                pass
    finally:
        leftovers.remove_temp(tmp)


def _unreadable_advice(path: Path, exc: OSError) -> str:
    """What to do about a key file that cannot be read (" …", said after the cause): a folder or a file in the way of
    its name is moved aside (no key is lost: there is none there), anything else is put right before exporting again,
    never answered with a new key the county would have to confirm by phone."""
    new_key = ("the next export makes a new key in the keys folder, which the county will have to confirm with you by "
               "phone like any new key")
    if exc.errno == errno.EISDIR or (exc.errno != errno.ENOTDIR and os.path.isdir(path)):  # Windows: EACCES
        return f" Move that folder out of {path.parent} (it is not your key): {new_key}."
    if exc.errno == errno.ENOTDIR:
        in_way = next((p for p in path.parents if os.path.isfile(p)), path.parent)  # keys, or a folder above
        return f" {in_way} is a file, not a folder: move that file aside (it is not your key), and {new_key}."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ""  # the cause says it: ask IT
    return (" Export again once it can be read (a drive that is back, or ask IT); do not move it aside while your "
            "key may be in it: a new key would have to be confirmed by the county by phone.")


def _cause(exc: OSError) -> str:
    """Why the key file could not be read or made, in words ("part of the path is not a folder", not "Not a
    directory")."""
    from safer_desk.storage.safe_write import cause_of

    if exc.errno in (errno.EACCES, errno.EPERM):  # read as well as made: not a write's "you cannot write there"
        return "permission denied (your account may not use that folder: ask IT)"
    return cause_of(exc)[1]


def verify(statement: bytes, signature: str, public_key_text: str) -> None:
    """Raise SignatureInvalid unless signature is the public key's signature of the statement."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_text, validate=True))
        public.verify(base64.b64decode(signature, validate=True), SIGNING_CONTEXT + statement)
    except (InvalidSignature, ValueError, TypeError) as exc:
        raise SignatureInvalid("the signature does not match") from exc


def public_key_fingerprint(public_key_text: str) -> str:
    try:
        return fingerprint(base64.b64decode(public_key_text, validate=True))
    except ValueError:
        return ""
