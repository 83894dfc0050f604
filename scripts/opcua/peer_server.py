"""asyncua test peer for MS5OPCUA: python peer_server.py PORT [--bench N]."""
import asyncio, datetime, os, sys
from asyncua import Server, ua
from asyncua.crypto.permission_rules import User, UserRole
from asyncua.server.internal_session import InternalSession
from asyncua.server.uaprocessor import UaProcessor
from asyncua.ua.ua_binary import struct_from_binary

# asyncua 2.1.0 ignores RequestedMaxReferencesPerNode and has no BrowseNext: add both here.
PAGES = {}
_browse, _process = InternalSession.browse, UaProcessor._process_message

def page(result, limit):
    if limit and len(result.References) > limit:
        point = os.urandom(8)
        PAGES[point] = (result.References[limit:], limit)
        result.References, result.ContinuationPoint = result.References[:limit], point
    return result

async def browse(self, params):
    return [page(r, params.RequestedMaxReferencesPerNode) for r in await _browse(self, params)]

async def process(self, typeid, requesthdr, seqhdr, body):
    if typeid != ua.NodeId(ua.ObjectIds.BrowseNextRequest_Encoding_DefaultBinary):
        return await _process(self, typeid, requesthdr, seqhdr, body)
    params, response = struct_from_binary(ua.BrowseNextParameters, body), ua.BrowseNextResponse()
    for point in params.ContinuationPoints:
        refs, limit = PAGES.pop(point, (None, 0))
        status = ua.StatusCode(ua.StatusCodes.BadContinuationPointInvalid if refs is None else ua.StatusCodes.Good)
        result = ua.BrowseResult(StatusCode=status, References=refs or [])
        response.Parameters.Results.append(result if params.ReleaseContinuationPoints else page(result, limit))
    self.send_response(requesthdr.RequestHandle, seqhdr, response)
    return True

InternalSession.browse, UaProcessor._process_message = browse, process

class Users:  # one user: operator / secret; anonymous stays allowed
    def get_user(self, iserver, username=None, password=None, certificate=None):
        if username is None:
            return User(role=UserRole.User)
        return User(role=UserRole.User) if (username, password) == ("operator", "secret") else None

SCALARS = [("Boolean", True, ua.VariantType.Boolean), ("SByte", -8, ua.VariantType.SByte), ("Byte", 200, ua.VariantType.Byte),
    ("Int16", -1234, ua.VariantType.Int16), ("UInt16", 54321, ua.VariantType.UInt16), ("Int32", -123456, ua.VariantType.Int32),
    ("UInt32", 4000000000, ua.VariantType.UInt32), ("Int64", -9000000000, ua.VariantType.Int64), ("UInt64", 18000000000000000000, ua.VariantType.UInt64),
    ("Float", 1.5, ua.VariantType.Float), ("Double", 3.25, ua.VariantType.Double), ("String", "Grüße", ua.VariantType.String),
    ("DateTime", datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc), ua.VariantType.DateTime),
    ("ByteString", b"\x00\x01\xfe\xff", ua.VariantType.ByteString),
    ("Int32Array", [1, -2, 3], ua.VariantType.Int32), ("DoubleArray", [0.5, -1.25], ua.VariantType.Double),
    ("StringArray", ["a", "bc"], ua.VariantType.String), ("BooleanArray", [True, False], ua.VariantType.Boolean),
    ("Blob", bytes(range(256)) * 800, ua.VariantType.ByteString)]  # ~200 KB: the response needs several chunks

async def main(port, bench):
    server = Server(user_manager=Users())
    await server.init()
    server.set_endpoint(f"opc.tcp://127.0.0.1:{port}/ms5/")
    server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
    server.set_identity_tokens([ua.AnonymousIdentityToken, ua.UserNameIdentityToken])
    ns = await server.register_namespace("urn:ms5:test")
    line = await server.nodes.objects.add_folder(ua.NodeId("Line1", ns), ua.QualifiedName("Line1", ns))
    for name, value, vtype in SCALARS:
        var = await line.add_variable(ua.NodeId(f"Line1.{name}", ns), ua.QualifiedName(name, ns), ua.Variant(value, vtype))
        await var.set_writable()
    counter = await line.add_variable(ua.NodeId("Line1.Counter", ns), ua.QualifiedName("Counter", ns), ua.Variant(0, ua.VariantType.Int64))
    ramp = await line.add_variable(ua.NodeId("Line1.Ramp", ns), ua.QualifiedName("Ramp", ns), ua.Variant(0, ua.VariantType.Int64))
    many = await server.nodes.objects.add_folder(ua.NodeId("Many", ns), ua.QualifiedName("Many", ns))
    for i in range(60):
        await many.add_variable(ua.NodeId(f"Many.Item{i:02d}", ns), ua.QualifiedName(f"Item{i:02d}", ns), i)
    fast = [await many.add_variable(ua.NodeId(f"Bench.V{i}", ns), ua.QualifiedName(f"V{i}", ns), 0.0) for i in range(bench)]
    async with server:
        print("READY", flush=True)
        n, parent = 0, os.getppid()
        while os.getppid() == parent:  # exit when the test process that started us is gone
            n += 1
            if fast:  # benchmark mode: rewrite every variable as fast as the event loop allows
                for var in fast:
                    await server.write_attribute_value(var.nodeid, ua.DataValue(ua.Variant(float(n), ua.VariantType.Double)))
                await asyncio.sleep(0)
            await counter.write_value(ua.Variant(n, ua.VariantType.Int64))
            await ramp.write_value(ua.Variant(10 * n, ua.VariantType.Int64))
            if not fast:
                await asyncio.sleep(0.1)

if __name__ == "__main__":
    bench = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--bench" else 0
    asyncio.run(main(int(sys.argv[1]), bench))
