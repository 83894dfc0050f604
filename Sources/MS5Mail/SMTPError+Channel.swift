import NIOCore
import NIOSSL

extension SMTPError {
    /// Maps an error raised inside the channel to the ``SMTPError`` the caller sees.
    init(channelError error: any Error) {
        switch error {
        case let error as SMTPError:
            self = error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            self = .tlsFailed(reason: String(describing: error))
        default:
            self = .connectionClosed
        }
    }
}
