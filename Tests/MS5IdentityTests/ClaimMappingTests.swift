import Foundation
import MS5Identity
import MS5JSON
import Testing

@Suite("Claim mapping")
struct ClaimMappingTests {
    private func claims(_ payload: [String: JSONValue]) throws -> JWTClaims {
        try JWTClaims(payload: payload)
    }

    @Test func mapsDottedRolePathsAndSites() throws {
        let mapping = ClaimMapping(
            rolesClaimPath: "realm_access.roles",
            roleNamesByClaimValue: ["plant-operator": "operator", "plant-admin": "admin", "ops": "operator"],
            sitesClaimPath: "ms5.sites")
        let identity = try mapping.map(claims([
            "sub": "abc", "preferred_username": "alice", "email": "alice@example.com",
            "realm_access": ["roles": ["plant-operator", "offline_access", "ops", "plant-admin"]],
            "ms5": ["sites": ["PLANT-A", "PLANT-B"]],
        ]))
        #expect(identity == MappedIdentity(
            subject: "abc", username: "alice", email: "alice@example.com",
            roleNames: ["operator", "admin"], siteCodes: ["PLANT-A", "PLANT-B"]))
    }

    @Test func readsFlatGroupsSingleStringsAndURLNamedClaims() throws {
        let groups = ClaimMapping(rolesClaimPath: "groups", roleNamesByClaimValue: ["quality": "quality"])
        #expect(try groups.map(claims(["sub": "s", "groups": "quality"])).roleNames == ["quality"])
        let urlNamed = ClaimMapping(
            rolesClaimPath: "https://ms5.example/roles", roleNamesByClaimValue: ["q": "quality"],
            sitesClaimPath: "site")
        let identity = try urlNamed.map(claims(["sub": "s", "https://ms5.example/roles": ["q"], "site": "PLANT-C"]))
        #expect(identity.roleNames == ["quality"])
        #expect(identity.siteCodes == ["PLANT-C"])
    }

    @Test func usernameFallsBackToSubjectAndMissingClaimsGrantNothing() throws {
        let mapping = ClaimMapping(rolesClaimPath: "realm_access.roles", roleNamesByClaimValue: ["a": "admin"])
        let identity = try mapping.map(claims(["sub": "abc", "preferred_username": "", "realm_access": "oops"]))
        #expect(identity == MappedIdentity(subject: "abc", username: "abc", email: nil, roleNames: [], siteCodes: []))
        let custom = ClaimMapping(rolesClaimPath: "r", roleNamesByClaimValue: [:], usernameClaim: "upn")
        #expect(try custom.map(claims(["sub": "abc", "upn": "alice@corp"])).username == "alice@corp")
    }

    @Test func aTokenWithoutSubjectIsRefused() throws {
        let mapping = ClaimMapping(rolesClaimPath: "groups", roleNamesByClaimValue: [:])
        #expect(throws: JWTError.missingClaim("sub")) { try mapping.map(claims(["preferred_username": "alice"])) }
    }
}
