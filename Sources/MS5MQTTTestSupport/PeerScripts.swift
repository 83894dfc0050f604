/// The Python sources of the paho-mqtt peers, passed to `python -c`.
enum PeerScripts {
    /// argv: port topic qos retain payload...
    static let publish = """
        import sys
        import paho.mqtt.client as mqtt
        port, topic, qos, retain = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="", protocol=mqtt.MQTTv311)
        client.connect("127.0.0.1", port)
        client.loop_start()
        infos = [client.publish(topic, payload, qos=qos, retain=retain) for payload in sys.argv[5:]]
        for info in infos:
            info.wait_for_publish(timeout=30)
            if not info.is_published():
                sys.exit("publish not acknowledged")
        client.disconnect()
        client.loop_stop()
        """

    /// argv: port topic count qos. At QoS 1 at most 20,000 publishes are outstanding, so packet
    /// identifiers never wrap onto an unacknowledged one.
    static let flood = """
        import collections, sys
        import paho.mqtt.client as mqtt
        port, topic, count, qos = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="", protocol=mqtt.MQTTv311)
        client.max_inflight_messages_set(1000)
        client.max_queued_messages_set(0)
        client.connect("127.0.0.1", port)
        client.loop_start()
        pending = collections.deque()
        for index in range(count):
            pending.append(client.publish(topic, '{"value": %d, "ts": 1700000000000}' % index, qos=qos))
            if len(pending) > 20000:
                pending.popleft().wait_for_publish(timeout=120)
        for info in pending:
            info.wait_for_publish(timeout=120)
            if not info.is_published():
                sys.exit("publish not completed")
        client.disconnect()
        client.loop_stop()
        """

    /// argv: port filter qos count readyFile resultFile idleSeconds clientID persistent; writes "received seconds".
    /// With count 0 it only subscribes (preparing a persistent session) and exits.
    static let countingSubscriber = """
        import json, sys, time, threading
        import paho.mqtt.client as mqtt
        port, topic, qos, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        ready_file, result_file, idle = sys.argv[5], sys.argv[6], float(sys.argv[7])
        client_id, persistent = sys.argv[8], sys.argv[9] == "1"
        state = {"n": 0, "first": None, "last": None}
        done = threading.Event()
        def on_connect(client, userdata, flags, reason, properties):
            client.subscribe(topic, qos=qos)
        def on_subscribe(client, userdata, mid, reasons, properties):
            open(ready_file, "w").write("ready")
            if count == 0:
                done.set()
        def on_message(client, userdata, message):
            json.loads(message.payload)["value"]
            now = time.monotonic()
            if state["first"] is None:
                state["first"] = now
            state["last"] = now
            state["n"] += 1
            if state["n"] >= count:
                done.set()
        client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=not persistent,
            protocol=mqtt.MQTTv311)
        client.on_connect, client.on_subscribe, client.on_message = on_connect, on_subscribe, on_message
        client.connect("127.0.0.1", port)
        client.loop_start()
        seen = -1
        while not done.wait(idle):
            if state["n"] == seen:
                break
            seen = state["n"]
        client.disconnect()
        client.loop_stop()
        elapsed = (state["last"] - state["first"]) if state["first"] is not None else 0.0
        open(result_file, "w").write("%d %f" % (state["n"], elapsed))
        """
}
