import HTTPTypes
import MS5Domain

extension APIRoutes {
    /// Shared floor tablets: administrators register and revoke them.
    mutating func addDeviceRoutes(devices: DeviceService) {
        let tag = "Devices"
        add(APIOperation(
            method: .post, path: "/v1/devices", operationId: "registerDevice",
            summary: """
                Register a shared tablet; the answer holds its device token, shown this once (ms5 keeps only its hash). \
                Store it on the tablet, which sends it as 'X-Device-Token' to sign people in by badge and PIN.
                """,
            tag: tag, access: .administrators, answersSecret: true),
            input: DeviceInput.self, status: .created
        ) { input, _, _ in
            try await devices.register(input)
        }
        add(APIOperation(
            method: .get, path: "/v1/devices", operationId: "listDevices",
            summary: "Every registered tablet, revoked ones too, by name; never their tokens.", tag: tag, access: .administrators)
        ) { _, _ in
            ItemList(items: try await devices.list())
        }
        add(APIOperation(
            method: .delete, path: "/v1/devices/{id}", operationId: "revokeDevice",
            summary: "Revoke a tablet: its token stops working and every session started on it ends. Revoking it again changes nothing.",
            tag: tag, access: .administrators, parameters: [.id("device")])
        ) { _, context in
            try await devices.revoke(try context.pathID("device"))
            return NoContent()
        }
    }
}
