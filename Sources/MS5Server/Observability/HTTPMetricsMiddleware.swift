import HTTPTypes
import Hummingbird
import Prometheus

/// Counts requests and records their latency by route, method and status into the app's registry.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Latency buckets from half a millisecond to ten seconds.
    static var buckets: [Duration] {
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map { .milliseconds($0 * 1000) }
    }

    static var requests: MetricNameDescriptor { MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered.") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer HTTP requests.") }

    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let labels = [
            ("route", context.endpointPath ?? "unmatched"),
            ("method", request.method.rawValue),
            ("status", String(response.status.code)),
        ]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: labels, buckets: Self.buckets)
            .record(ContinuousClock.now - start)
        return response
    }
}
