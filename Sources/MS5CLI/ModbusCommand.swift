import ArgumentParser
import MS5Modbus

/// `ms5 modbus read|write`: an engineer's direct access to a Modbus TCP device.
struct ModbusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modbus",
        abstract: "Read and write a Modbus TCP device.",
        discussion: """
            Addresses in either convention: Modicon 40001 (holding register 0), 30001 (input register 0), \
            00001 (coil 0), 10001 (discrete input 0), or explicit hr:0, ir:0, co:0, di:0; optionally with a \
            type (int16 uint16 int32 uint32 float32 float64) and an order (abcd cdab badc dcba): 40001:float32:cdab.
            """,
        subcommands: [ModbusReadCommand.self, ModbusWriteCommand.self]
    )
}

/// The device and how to talk to it.
struct ModbusConnectionOptions: ParsableArguments {
    @Argument(help: "The device as HOST or HOST:PORT (port 502 when left out).")
    var endpoint: String

    @Option(help: "Unit id (slave address).")
    var unit: UInt8 = 1

    @Option(help: "Word and byte order of addresses that name none: abcd, cdab, badc or dcba.")
    var order: String = "abcd"

    @Option(name: .customLong("timeout-ms"), help: "Request timeout in milliseconds.")
    var timeoutMilliseconds: Int = 2000

    /// The order named by `--order`.
    func defaultOrder() throws -> ModbusOrder {
        guard let order = ModbusOrder(name: order) else { throw ValidationError("--order must be abcd, cdab, badc or dcba") }
        return order
    }

    /// Opens the connection to the device.
    func connect() async throws -> ModbusClient {
        let parts = endpoint.split(separator: ":", maxSplits: 1).map(String.init)
        guard let host = parts.first, let port = parts.count == 2 ? Int(parts[1]) : 502, (1...65535).contains(port) else {
            throw ValidationError("The device must be HOST or HOST:PORT, not '\(endpoint)'.")
        }
        do {
            return try await ModbusClient.connect(host: host, port: port, requestTimeout: .milliseconds(timeoutMilliseconds))
        } catch {
            throw CommandFailure("Could not connect to \(host):\(port): \(error)")
        }
    }
}

/// `ms5 modbus read HOST:PORT ADDRESS…`: one line per address, batched into as few requests as possible.
struct ModbusReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Read addresses, batched into as few requests as possible.")

    @OptionGroup var connection: ModbusConnectionOptions

    @Argument(help: "Addresses such as 40001, 400001:float32, hr:10:int32:cdab, co:0.")
    var addresses: [String]

    func run() async throws {
        let order = try connection.defaultOrder()
        let parsed = try addresses.map { text in
            do { return try ModbusAddress(parsing: text, defaultOrder: order) } catch { throw ValidationError("\(error)") }
        }
        let client = try await connection.connect()
        let result = await client.read(parsed, unitId: connection.unit)
        await client.close()
        var failed = false
        for (text, address) in zip(addresses, parsed) {
            switch result.values[address] {
            case .success(let value): print("\(text)\t\(value)")
            case .failure(let error):
                failed = true
                print("\(text)\terror: \(error)")
            case nil:
                failed = true
                print("\(text)\terror: not read")
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// `ms5 modbus write HOST:PORT ADDRESS VALUE`: one holding register value or coil.
struct ModbusWriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write", abstract: "Write one value to a holding register address or a coil.")

    @OptionGroup var connection: ModbusConnectionOptions

    @Argument(help: "Address such as 40001:float32 or co:3.")
    var address: String

    @Argument(help: "A number, or true/false for coils.")
    var value: String

    func run() async throws {
        let target: ModbusAddress
        do { target = try ModbusAddress(parsing: address, defaultOrder: try connection.defaultOrder()) } catch { throw ValidationError("\(error)") }
        let number: Double? = switch value.lowercased() {
        case "true", "on": 1
        case "false", "off": 0
        default: Double(value)
        }
        guard let number, let typed = ModbusValue(number, as: target.dataType) else {
            throw ValidationError("\(value) is not a \(target.dataType) value")
        }
        let client = try await connection.connect()
        do {
            try await client.write(typed, to: target, unitId: connection.unit)
        } catch {
            await client.close()
            throw CommandFailure("Writing \(address) failed: \(error)")
        }
        await client.close()
        print("\(address)\t\(typed)")
    }
}
