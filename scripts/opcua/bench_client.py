"""asyncua client side of opcua-bench: python bench_client.py URL N WARMUP_S DURATION_S -> one JSON line."""
import asyncio, json, sys, time
from asyncua import Client

class Counter:
    def __init__(self):
        self.count = 0
    def datachange_notification(self, node, value, data):
        self.count += 1

async def main(url, n, warmup, duration):
    async with Client(url) as client:
        counter = Counter()
        subscription = await client.create_subscription(50, counter)
        nodes = [client.get_node(f"ns=2;s=Bench.V{i}") for i in range(n)]
        await subscription.subscribe_data_change(nodes, queuesize=100)
        await asyncio.sleep(warmup)
        start_count, start_wall, start_cpu = counter.count, time.monotonic(), time.process_time()
        await asyncio.sleep(duration)
        result = {"notifications": counter.count - start_count, "seconds": time.monotonic() - start_wall,
                  "cpu": time.process_time() - start_cpu}
        await subscription.delete()
    print(json.dumps(result), flush=True)

if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])))
