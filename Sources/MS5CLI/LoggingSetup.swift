import Logging
import MS5Server

/// Sets up the process's logging once, as the configuration asks.
enum LoggingSetup {
    /// Bootstraps the logging system and returns the root logger.
    static func bootstrap(_ config: AppConfig) -> Logger {
        let level = config.logLevel
        switch config.logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
        }
        return Logger(label: "ms5")
    }
}
