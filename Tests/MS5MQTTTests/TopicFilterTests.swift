import MS5MQTT
import Testing

@Suite("Topic filters")
struct TopicFilterTests {
    @Test("matching follows MQTT 4.7", arguments: [
        ("plant/+/line1/bagger/count", "plant/a/line1/bagger/count", true),
        ("plant/+/line1/bagger/count", "plant/a/line2/bagger/count", false),
        ("plant/+/line1/bagger/count", "plant/a/b/line1/bagger/count", false),
        ("sport/#", "sport", true),
        ("sport/#", "sport/tennis/player1", true),
        ("sport/+", "sport", false),
        ("sport/+", "sport/", true),
        ("+/+", "/finance", true),
        ("#", "anything/at/all", true),
        ("#", "$SYS/broker/uptime", false),
        ("+/broker/uptime", "$SYS/broker/uptime", false),
        ("$SYS/#", "$SYS/broker/uptime", true),
        ("a/b", "a/b/c", false),
    ])
    func matching(filter: String, topic: String, expected: Bool) throws {
        #expect(try MQTTTopicFilter(filter).matches(topic) == expected)
    }

    @Test("wildcards must occupy whole levels")
    func validation() {
        #expect(throws: MQTTTopicFilter.ValidationError.misplacedMultiLevelWildcard("a/#/b")) {
            try MQTTTopicFilter("a/#/b")
        }
        #expect(throws: MQTTTopicFilter.ValidationError.misplacedSingleLevelWildcard("a/b+")) {
            try MQTTTopicFilter("a/b+")
        }
        #expect(throws: MQTTTopicFilter.ValidationError.empty) { try MQTTTopicFilter("") }
        #expect(throws: MQTTTopicFilter.ValidationError.wildcardInTopicName("a/+")) {
            try MQTTTopicFilter.validateTopicName("a/+")
        }
    }

    @Test("single-level wildcard captures are returned in order")
    func captures() throws {
        let filter = try MQTTTopicFilter("plant/+/+/count")
        #expect(filter.wildcardValues(in: "plant/p1/bagger/count") == ["p1", "bagger"])
        #expect(filter.wildcardValues(in: "plant/p1/count") == nil)
    }
}
