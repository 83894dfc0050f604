import Foundation
import MS5OPCUA
import NIOCore
import Testing

/// Encodings worked out by hand from OPC UA Part 6, 5.2.
@Suite("UA Binary encoding")
struct BinaryEncodingTests {
    private func bytes(_ body: (inout UABinaryWriter) -> Void) -> [UInt8] {
        var writer = UABinaryWriter()
        body(&writer)
        return Array(writer.buffer.readableBytesView)
    }

    private func encoded(_ value: some UABinaryEncodable) -> [UInt8] {
        bytes { $0.write(value) }
    }

    private func decoded<T: UABinaryDecodable>(_: T.Type, _ bytes: [UInt8]) throws -> T {
        var reader = UABinaryReader(bytes: bytes)
        let value = try T(from: &reader)
        #expect(reader.remaining == 0)
        return value
    }

    @Test func primitivesAreLittleEndian() {
        #expect(bytes { $0.write(true) } == [0x01])
        #expect(bytes { $0.write(Int8(-2)) } == [0xFE])
        #expect(bytes { $0.write(UInt16(0x1234)) } == [0x34, 0x12])
        #expect(bytes { $0.write(Int32(-2)) } == [0xFE, 0xFF, 0xFF, 0xFF])
        #expect(bytes { $0.write(UInt32(0x0102_0304)) } == [0x04, 0x03, 0x02, 0x01])
        #expect(bytes { $0.write(Int64(1)) } == [0x01, 0, 0, 0, 0, 0, 0, 0])
        #expect(bytes { $0.write(Float(1.0)) } == [0x00, 0x00, 0x80, 0x3F])
        #expect(bytes { $0.write(Double(1.0)) } == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }

    @Test func stringsAndByteStringsHaveInt32LengthAndNullIsMinusOne() throws {
        #expect(bytes { $0.write("ab") } == [0x02, 0, 0, 0, 0x61, 0x62])
        #expect(bytes { $0.write("ü") } == [0x02, 0, 0, 0, 0xC3, 0xBC])
        #expect(bytes { $0.write(String?.none) } == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(bytes { $0.writeByteString([9]) } == [0x01, 0, 0, 0, 0x09])
        var reader = UABinaryReader(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00])
        #expect(try reader.readString() == nil)
        #expect(try reader.readString() == "")
    }

    @Test func dateTimeCountsTicksSince1601() throws {
        // 1970-01-01 is 11644473600 s after 1601-01-01 = 116444736000000000 ticks = 0x019DB1DED53E8000.
        let unixEpoch = [UInt8]([0x00, 0x80, 0x3E, 0xD5, 0xDE, 0xB1, 0x9D, 0x01])
        #expect(bytes { $0.write(Date(timeIntervalSince1970: 0)) } == unixEpoch)
        var reader = UABinaryReader(bytes: unixEpoch + [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try reader.readDate() == Date(timeIntervalSince1970: 0))
        #expect(try reader.readDate() == nil)
    }

    @Test func guidUsesMixedEndianLayout() throws {
        // Part 6, 5.2.2.7 example: 72962B91-FA75-4AE6-8D28-B404DC7DAF63.
        let guid = try #require(UUID(uuidString: "72962B91-FA75-4AE6-8D28-B404DC7DAF63"))
        let expected: [UInt8] = [0x91, 0x2B, 0x96, 0x72, 0x75, 0xFA, 0xE6, 0x4A, 0x8D, 0x28, 0xB4, 0x04, 0xDC, 0x7D, 0xAF, 0x63]
        #expect(bytes { $0.write(guid) } == expected)
        var reader = UABinaryReader(bytes: expected)
        #expect(try reader.readGuid() == guid)
    }

    @Test func nodeIDsUseTheSmallestEncoding() throws {
        #expect(encoded(NodeID(numeric: 85)) == [0x00, 0x55])
        #expect(encoded(NodeID(namespace: 2, numeric: 1001)) == [0x01, 0x02, 0xE9, 0x03])
        #expect(encoded(NodeID(namespace: 3, numeric: 70000)) == [0x02, 0x03, 0x00, 0x70, 0x11, 0x01, 0x00])
        #expect(encoded(NodeID(namespace: 2, string: "ab")) == [0x03, 0x02, 0x00, 0x02, 0, 0, 0, 0x61, 0x62])
        #expect(encoded(NodeID(namespace: 1, .opaque([0xAA]))) == [0x05, 0x01, 0x00, 0x01, 0, 0, 0, 0xAA])
        for node in [NodeID(numeric: 85), NodeID(namespace: 2, numeric: 1001), NodeID(namespace: 3, numeric: 70000),
                     NodeID(namespace: 2, string: "Line1.Counter"), NodeID(namespace: 4, .guid(UUID())), NodeID(namespace: 1, .opaque([1, 2]))] {
            #expect(try decoded(NodeID.self, encoded(node)) == node)
        }
    }

    @Test func expandedNodeIDFlagsNamespaceURIAndServerIndex() throws {
        let expanded = ExpandedNodeID(NodeID(numeric: 85), namespaceURI: "u", serverIndex: 1)
        #expect(encoded(expanded) == [0xC0, 0x55, 0x01, 0, 0, 0, 0x75, 0x01, 0, 0, 0])
        #expect(try decoded(ExpandedNodeID.self, encoded(expanded)) == expanded)
    }

    @Test func qualifiedNameAndLocalizedText() throws {
        #expect(encoded(QualifiedName(namespace: 2, "x")) == [0x02, 0x00, 0x01, 0, 0, 0, 0x78])
        #expect(encoded(LocalizedText("x")) == [0x02, 0x01, 0, 0, 0, 0x78])
        #expect(encoded(LocalizedText("x", locale: "en")) == [0x03, 0x02, 0, 0, 0, 0x65, 0x6E, 0x01, 0, 0, 0, 0x78])
        #expect(try decoded(LocalizedText.self, [0x00]) == LocalizedText(nil))
    }

    @Test func variantScalarsAndArrays() throws {
        #expect(encoded(OPCUAValue.int32(1)) == [0x06, 0x01, 0, 0, 0])
        #expect(encoded(OPCUAValue.boolean(true)) == [0x01, 0x01])
        #expect(encoded(OPCUAValue.null) == [0x00])
        let array = OPCUAValue.array(elementType: .int16, elements: [.int16(1), .int16(-1)])
        #expect(encoded(array) == [0x84, 0x02, 0, 0, 0, 0x01, 0x00, 0xFF, 0xFF])
        let values: [OPCUAValue] = [
            .sbyte(-1), .byte(1), .uint16(2), .uint32(3), .int64(-4), .uint64(5), .float(0.5), .double(-2.5),
            .string("s"), .dateTime(Date(timeIntervalSince1970: 1_700_000_000)), .byteString([1, 2]),
            .nodeID(NodeID(namespace: 2, string: "n")), .statusCode(.badTimeout), .qualifiedName(QualifiedName(namespace: 1, "q")),
            .localizedText(LocalizedText("t")), .array(elementType: .string, elements: [.string("a"), .string("")]),
        ]
        for value in values {
            #expect(try decoded(OPCUAValue.self, encoded(value)) == value)
        }
    }

    @Test func multiDimensionalArraysAreFlattened() throws {
        // Byte[2] with dimensions [2]: 0xC3 = Byte | array | dimensions.
        let bytes: [UInt8] = [0xC3, 0x02, 0, 0, 0, 0x07, 0x08, 0x01, 0, 0, 0, 0x02, 0, 0, 0]
        #expect(try decoded(OPCUAValue.self, bytes) == .array(elementType: .byte, elements: [.byte(7), .byte(8)]))
    }

    @Test func dataValueMaskSelectsFields() throws {
        let value = DataValue(value: .int16(5), status: .badNodeIdUnknown)
        #expect(encoded(value) == [0x03, 0x04, 0x05, 0x00, 0x00, 0x00, 0x34, 0x80])
        #expect(try decoded(DataValue.self, encoded(value)) == value)
        #expect(try decoded(DataValue.self, [0x00]) == DataValue(value: .null))
        // Source timestamp with picoseconds (mask 0x14): picoseconds are read and dropped.
        let withPicoseconds: [UInt8] = [0x14, 0x00, 0x80, 0x3E, 0xD5, 0xDE, 0xB1, 0x9D, 0x01, 0x0A, 0x00]
        #expect(try decoded(DataValue.self, withPicoseconds).sourceTimestamp == Date(timeIntervalSince1970: 0))
    }

    @Test func truncatedInputIsAnError() {
        #expect(throws: UADecodingError.truncated(expected: 4, available: 2)) {
            try decoded(StatusCode.self, [0x00, 0x00])
        }
        #expect(throws: UADecodingError.invalidValue(field: "Variant type", value: 40)) {
            try decoded(OPCUAValue.self, [40])
        }
    }

    @Test func doubleValueConvertsNumbers() {
        #expect(OPCUAValue.uint16(7).doubleValue == 7)
        #expect(OPCUAValue.boolean(true).doubleValue == 1)
        #expect(OPCUAValue.float(0.5).doubleValue == 0.5)
        #expect(OPCUAValue.string("1").doubleValue == nil)
        #expect(OPCUAValue.array(elementType: .int32, elements: []).typeName == "Int32[]")
    }
}
