"""The secret ballot box: a member's choice sealed at the vote, opened only at the close.

docs/decisions/0010-secret-ballot.md says why. In short: the database administrator
sees which member's transaction wrote which sealed ballot (xmin, the WAL, a statement
log), so a sealed ballot must say nothing without a key the database does not hold.
The key is derived from the application's SECRET_KEY (which lives on the application
servers, not in the database) and the session, so every worker can seal and the close
can open, with no key material stored anywhere.

AES-256-GCM, a random 96-bit nonce per ballot, the agenda item as associated data (a
ballot copied to another item does not open), and every choice padded to the same
length, so all sealed ballots are the same size whatever they hold.
"""

from __future__ import annotations

import base64
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

NONCE_BYTES = 12
PLAIN_BYTES = 16  # every choice padded to this: the sealed size says nothing
TAG_BYTES = 16
SEALED_LENGTH = len(base64.urlsafe_b64encode(bytes(NONCE_BYTES + PLAIN_BYTES + TAG_BYTES)))


class UnreadableBallot(Exception):
    """A sealed ballot that no key of this installation opens (changed in the database,
    or sealed under a SECRET_KEY that is no longer in SECRET_KEY_FALLBACKS)."""


def _key(secret: str, session_id: int) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"thidua secret ballot box v1, council session {session_id}".encode(),
    ).derive(secret.encode())


def _associated(item_id: int) -> bytes:
    return f"agenda item {item_id}".encode()


def seal(*, session_id: int, item_id: int, choice: str) -> str:
    plain = choice.encode().ljust(PLAIN_BYTES, b" ")
    if len(plain) != PLAIN_BYTES:
        raise ValueError("A choice is at most 16 bytes.")
    nonce = secrets.token_bytes(NONCE_BYTES)
    box = AESGCM(_key(settings.SECRET_KEY, session_id)).encrypt(nonce, plain, _associated(item_id))
    return base64.urlsafe_b64encode(nonce + box).decode("ascii")


def open_sealed(*, session_id: int, item_id: int, sealed: str) -> str:
    """The choice in a sealed ballot. Keys rotated during the session (the old one kept
    in SECRET_KEY_FALLBACKS) still open it."""
    try:
        raw = base64.urlsafe_b64decode(sealed.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise UnreadableBallot from exc
    nonce, box = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        try:
            plain = AESGCM(_key(secret, session_id)).decrypt(nonce, box, _associated(item_id))
        except (InvalidTag, ValueError):
            continue
        return plain.decode().rstrip(" ")
    raise UnreadableBallot
