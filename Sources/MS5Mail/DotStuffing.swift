/// Prepares formatted message bytes for the SMTP `DATA` phase (RFC 5321 section 4.5.2).
enum DotStuffing {
    /// Doubles the leading dot of every line, makes sure the content ends with CRLF and appends the
    /// terminating `.` CRLF. `message` must already use CRLF line endings.
    static func apply(to message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 16)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") {
                output.append(UInt8(ascii: "."))
            }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart {
            output += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        }
        return output + Array(".\r\n".utf8)
    }
}
