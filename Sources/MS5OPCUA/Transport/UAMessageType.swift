/// The three-letter message types of UA TCP and UA Secure Conversation (Part 6, 7.1.2 and 6.7.2).
enum UAMessageType: String, Sendable {
    case hello = "HEL"
    case acknowledge = "ACK"
    case error = "ERR"
    case open = "OPN"
    case message = "MSG"
    case close = "CLO"

    var bytes: [UInt8] { Array(rawValue.utf8) }
}
