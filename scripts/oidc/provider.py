"""A small OpenID Provider for the MS5Identity test suite.

Usage: provider.py PORT   (0 picks a free port; prints "listening on PORT" once ready)

Serves discovery, a JWK Set (RSA 2048 "rsa-1", EC P-256 "ec-1", plus one Ed25519 key that
clients without EdDSA support must skip), the authorization code flow with PKCE S256 for one
test user, and test-only controls:
  POST /test/mint    {"claims": {...}, "alg": "RS256|ES256|HS256|none", "kid": "...",
                      "sign_with": "current|unknown|rsa-public-as-hmac-secret"} -> {"token": ...}
  POST /test/rotate  replaces the RSA key with a new one ("rsa-2", ...) -> {"kid": ...}
Only the standard library and the "cryptography" package are used.
"""

import base64
import hashlib
import hmac
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

CLIENT_ID = "ms5-test"
TEST_USER = {
    "sub": "user-alice",
    "preferred_username": "alice",
    "email": "alice@example.com",
    "realm_access": {"roles": ["plant-operator", "offline_access"]},
    "sites": ["PLANT-A", "PLANT-B"],
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def uint_bytes(value: int) -> bytes:
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


class Keys:
    """The provider's signing keys; the RSA key can be rotated."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rsa_generation = 1
        self.rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.ec_key = ec.generate_private_key(ec.SECP256R1())
        self.ed_key = ed25519.Ed25519PrivateKey.generate()

    @property
    def rsa_kid(self) -> str:
        return f"rsa-{self.rsa_generation}"

    def rotate(self) -> str:
        with self.lock:
            self.rsa_generation += 1
            self.rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            return self.rsa_kid

    def jwks(self) -> dict:
        with self.lock:
            rsa_numbers = self.rsa_key.public_key().public_numbers()
            ec_numbers = self.ec_key.public_key().public_numbers()
            ed_public = self.ed_key.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            return {"keys": [
                {"kty": "OKP", "crv": "Ed25519", "kid": "ed-1", "use": "sig", "alg": "EdDSA",
                 "x": b64url(ed_public)},
                {"kty": "RSA", "kid": self.rsa_kid, "use": "sig", "alg": "RS256",
                 "n": b64url(uint_bytes(rsa_numbers.n)), "e": b64url(uint_bytes(rsa_numbers.e))},
                {"kty": "EC", "crv": "P-256", "kid": "ec-1", "use": "sig", "alg": "ES256",
                 "x": b64url(ec_numbers.x.to_bytes(32, "big")), "y": b64url(ec_numbers.y.to_bytes(32, "big"))},
            ]}

    def sign(self, header: dict, claims: dict, sign_with: str) -> str:
        signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
        alg = header["alg"]
        with self.lock:
            rsa_key, ec_key = self.rsa_key, self.ec_key
            rsa_public_pem = rsa_key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        if sign_with == "unknown":
            rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            ec_key = ec.generate_private_key(ec.SECP256R1())
        if alg == "none":
            signature = b""
        elif alg == "HS256":
            secret = rsa_public_pem if sign_with == "rsa-public-as-hmac-secret" else secrets.token_bytes(32)
            signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
        elif alg == "RS256":
            signature = rsa_key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        elif alg == "ES256":
            r, s = decode_dss_signature(ec_key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
            signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        else:
            raise ValueError(f"unsupported alg {alg}")
        return signing_input.decode() + "." + b64url(signature)


class Provider:
    def __init__(self):
        self.issuer = ""
        self.keys = Keys()
        self.codes = {}
        self.codes_lock = threading.Lock()

    def default_claims(self) -> dict:
        now = int(time.time())
        return {"iss": self.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 300, **TEST_USER}

    def mint(self, request: dict) -> str:
        alg = request.get("alg", "RS256")
        claims = {**self.default_claims(), **request.get("claims", {})}
        default_kid = "ec-1" if alg == "ES256" else self.keys.rsa_kid
        header = {"alg": alg, "typ": "JWT"}
        kid = request.get("kid", default_kid)
        if kid is not None and alg != "none":
            header["kid"] = kid
        return self.keys.sign(header, claims, request.get("sign_with", "current"))


PROVIDER = Provider()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def reply(self, status: int, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if not isinstance(body, bytes) else "text/plain")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/.well-known/openid-configuration":
            issuer = PROVIDER.issuer
            self.reply(200, {
                "issuer": issuer,
                "authorization_endpoint": issuer + "/authorize",
                "token_endpoint": issuer + "/token",
                "jwks_uri": issuer + "/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256", "ES256"],
                "code_challenge_methods_supported": ["S256"],
            })
        elif url.path == "/jwks":
            self.reply(200, PROVIDER.keys.jwks())
        elif url.path == "/authorize":
            self.authorize(dict(urllib.parse.parse_qsl(url.query)))
        else:
            self.reply(404, {"error": "not_found"})

    def authorize(self, query: dict):
        required = ["response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
                    "code_challenge", "code_challenge_method"]
        missing = [name for name in required if name not in query]
        if missing or query["response_type"] != "code" or query["client_id"] != CLIENT_ID \
                or query["code_challenge_method"] != "S256" or "openid" not in query["scope"].split():
            self.reply(400, {"error": "invalid_request", "missing": missing})
            return
        code = secrets.token_urlsafe(24)
        with PROVIDER.codes_lock:
            PROVIDER.codes[code] = {key: query[key] for key in ("client_id", "redirect_uri", "nonce", "code_challenge")}
        separator = "&" if "?" in query["redirect_uri"] else "?"
        location = query["redirect_uri"] + separator + urllib.parse.urlencode({"code": code, "state": query["state"]})
        self.reply(302, location.encode(), {"Location": location})

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        body = self.read_body()
        if path == "/token":
            self.token(dict(urllib.parse.parse_qsl(body.decode())))
        elif path == "/test/mint":
            self.reply(200, {"token": PROVIDER.mint(json.loads(body or b"{}"))})
        elif path == "/test/rotate":
            self.reply(200, {"kid": PROVIDER.keys.rotate()})
        else:
            self.reply(404, {"error": "not_found"})

    def token(self, form: dict):
        with PROVIDER.codes_lock:
            grant = PROVIDER.codes.pop(form.get("code", ""), None)
        if form.get("grant_type") != "authorization_code" or grant is None:
            self.reply(400, {"error": "invalid_grant"})
            return
        if form.get("client_id") != grant["client_id"] or form.get("redirect_uri") != grant["redirect_uri"]:
            self.reply(400, {"error": "invalid_grant", "error_description": "client or redirect mismatch"})
            return
        verifier = form.get("code_verifier", "")
        challenge = b64url(hashlib.sha256(verifier.encode("ascii")).digest())
        if not hmac.compare_digest(challenge, grant["code_challenge"]):
            self.reply(400, {"error": "invalid_grant", "error_description": "PKCE verification failed"})
            return
        id_token = PROVIDER.mint({"alg": "RS256", "claims": {"nonce": grant["nonce"]}})
        self.reply(200, {"access_token": secrets.token_urlsafe(32), "token_type": "Bearer",
                         "expires_in": 300, "id_token": id_token})


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: provider.py PORT")
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    port = server.server_address[1]
    PROVIDER.issuer = f"http://127.0.0.1:{port}"
    print(f"listening on {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
