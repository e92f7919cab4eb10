import BotRuntime
import Foundation
import TestSupport
import Testing

/// The exposition text as `prometheus_client.parser` reads it (Tests/Oracles/prometheus_parse.py).
struct ParsedFamily: Decodable {
    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: String

        var number: Double? { Double(value) }
    }

    let name: String
    let type: String
    let documentation: String
    let samples: [Sample]

    static func parse(_ text: String) throws -> [ParsedFamily] {
        let result = try Oracle.python("prometheus_parse.py", input: Data(text.utf8))
        return try JSONDecoder().decode([ParsedFamily].self, from: result.standardOutput)
    }

    func values(_ sampleName: String, where match: [String: String] = [:]) -> [Double] {
        samples.filter { sample in
            sample.name == sampleName && match.allSatisfy { key, value in sample.labels[key] == value }
        }.compactMap(\.number)
    }
}

@Suite("MetricsRegistry")
struct MetricsRegistryTests {
    @Test("counters add up per label set, and the registry returns the same counter for the same name")
    func counters() throws {
        let registry = MetricsRegistry()
        let counter = try registry.counter("orders_total", help: "Orders.")
        counter.increment(labels: ["symbol": "BTCUSDT", "side": "BUY"])
        counter.increment(by: 2.5, labels: ["side": "BUY", "symbol": "BTCUSDT"])
        counter.increment()
        let again = try registry.counter("orders_total", help: "ignored")
        again.increment(labels: ["symbol": "ETHUSDT", "side": "SELL"])
        #expect(counter === again)
        #expect(counter.value(labels: ["symbol": "BTCUSDT", "side": "BUY"]) == 3.5)
        #expect(counter.value() == 1)
        #expect(counter.value(labels: ["symbol": "ETHUSDT", "side": "SELL"]) == 1)
        #expect(counter.value(labels: ["symbol": "XRPUSDT"]) == 0)
    }

    @Test("a negative or NaN increment and an invalid label name change nothing and are counted as rejected")
    func rejectedUpdates() throws {
        let registry = MetricsRegistry()
        let counter = try registry.counter("c_total", help: "c")
        counter.increment(by: 2)
        counter.increment(by: -1)
        counter.increment(by: .nan)
        #expect(counter.value() == 2)
        #expect(registry.rejectedUpdateCount() == 2)
        #expect(registry.lastRejectedUpdate()?.description.contains("counter c_total cannot be increased by nan") == true)
        counter.increment(labels: ["1bad": "x"])
        counter.increment(labels: ["__reserved": "x"])
        #expect(registry.rejectedUpdateCount() == 4)
        let last = try #require(registry.lastRejectedUpdate())
        #expect(last.description.contains("__reserved"))
        let histogram = try registry.histogram("h", help: "h", buckets: [1])
        histogram.observe(0.5, labels: ["le": "1"])
        #expect(registry.rejectedUpdateCount() == 5)
        #expect(histogram.snapshot(labels: ["le": "1"]).count == 0)
        #expect(!registry.renderPrometheus().contains("c_total{"))
    }

    @Test("gauges set, increment and decrement")
    func gauges() throws {
        let registry = MetricsRegistry()
        let gauge = try registry.gauge("open_positions", help: "Open positions.")
        gauge.set(5, labels: ["profile": "balanced"])
        gauge.increment(labels: ["profile": "balanced"])
        gauge.decrement(by: 3, labels: ["profile": "balanced"])
        gauge.decrement()
        #expect(gauge.value(labels: ["profile": "balanced"]) == 3)
        #expect(gauge.value() == -1)
    }

    @Test("the reference's histogram example renders cumulative buckets counted once: 1, 2, 3, +Inf 3")
    func referenceHistogramExample() throws {
        let registry = MetricsRegistry()
        let histogram = try registry.histogram("latency_seconds", help: "Latency.", buckets: [0.1, 0.5, 1.0])
        for value in [0.05, 0.3, 0.9] { histogram.observe(value) }
        let snapshot = histogram.snapshot()
        #expect(snapshot.cumulativeCounts == [1, 2, 3])
        #expect(snapshot.count == 3)
        #expect(abs(snapshot.sum - 1.25) < 1e-12)
        #expect(
            registry.renderPrometheus() == """
                # HELP latency_seconds Latency.
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 1
                latency_seconds_bucket{le="0.5"} 2
                latency_seconds_bucket{le="1"} 3
                latency_seconds_bucket{le="+Inf"} 3
                latency_seconds_sum 1.25
                latency_seconds_count 3

                """)
    }

    @Test("a value on a bucket bound counts in that bucket; values above the last bound only in +Inf")
    func bucketBounds() throws {
        let registry = MetricsRegistry()
        let histogram = try registry.histogram("h", help: "h", buckets: [1, 2])
        for value in [1.0, 2.0, 2.0000001, 100, -5, .nan] { histogram.observe(value, labels: ["a": "b"]) }
        let snapshot = histogram.snapshot(labels: ["a": "b"])
        #expect(snapshot.cumulativeCounts == [2, 3])
        #expect(snapshot.count == 6)
        #expect(snapshot.sum.isNaN)
    }

    @Test("a name registered with another type or other buckets is refused with a typed error")
    func conflicts() throws {
        let registry = MetricsRegistry()
        _ = try registry.counter("x_total", help: "x")
        #expect(throws: MetricsError.typeConflict(name: "x_total", existing: .counter, requested: .gauge)) {
            try registry.gauge("x_total", help: "x")
        }
        _ = try registry.histogram("h", help: "h", buckets: [1, 2])
        #expect(throws: MetricsError.bucketConflict(name: "h", existing: [1, 2], requested: [1, 3])) {
            try registry.histogram("h", help: "h", buckets: [1, 3])
        }
        #expect(throws: MetricsError.typeConflict(name: "h", existing: .histogram, requested: .counter)) {
            try registry.counter("h", help: "h")
        }
        let error = MetricsError.typeConflict(name: "x_total", existing: .counter, requested: .gauge)
        #expect(error.description.contains("x_total") && error.description.contains("counter"))
    }

    @Test(
        "invalid metric names are refused",
        arguments: ["", "1abc", "__x", "a-b", "a b", "é"])
    func invalidNames(name: String) {
        let registry = MetricsRegistry()
        #expect(throws: MetricsError.invalidMetricName(name)) { try registry.counter(name, help: "") }
    }

    @Test("valid names with colons and underscores are accepted")
    func validNames() throws {
        let registry = MetricsRegistry()
        _ = try registry.gauge("job:rate_5m", help: "")
        _ = try registry.counter("_private_total", help: "")
    }

    @Test("histogram buckets must be non-empty, finite and strictly increasing")
    func invalidBuckets() {
        let registry = MetricsRegistry()
        for buckets: [Double] in [[], [1, 1], [2, 1], [1, .infinity], [.nan]] {
            #expect(throws: MetricsError.self) { try registry.histogram("h", help: "", buckets: buckets) }
        }
    }

    @Test("label values and help text are escaped, labels sorted by name, samples sorted by label set")
    func escapingAndOrder() throws {
        let registry = MetricsRegistry()
        let counter = try registry.counter("z_total", help: "back\\slash and\nnewline")
        counter.increment(labels: ["b": "2", "a": "quote\" back\\ nl\n"])
        counter.increment(labels: ["b": "1", "a": "quote\" back\\ nl\n"])
        counter.increment(labels: ["a": "A"])
        let gauge = try registry.gauge("a_gauge", help: "first")
        gauge.set(0.1)
        let text = registry.renderPrometheus()
        #expect(
            text == """
                # HELP a_gauge first
                # TYPE a_gauge gauge
                a_gauge 0.1
                # HELP z_total back\\\\slash and\\nnewline
                # TYPE z_total counter
                z_total{a="A"} 1
                z_total{a="quote\\" back\\\\ nl\\n",b="1"} 1
                z_total{a="quote\\" back\\\\ nl\\n",b="2"} 1

                """)
        let families = try ParsedFamily.parse(text)
        let z = try #require(families.first { $0.name == "z" })
        #expect(z.documentation == "back\\slash and\nnewline")
        #expect(z.values("z_total", where: ["a": "quote\" back\\ nl\n", "b": "2"]) == [1])
    }

    @Test("special and fractional values render as Prometheus floats")
    func numbers() throws {
        let registry = MetricsRegistry()
        let gauge = try registry.gauge("g", help: "g")
        let values: [String: Double] = [
            "nan": .nan, "pinf": .infinity, "ninf": -.infinity, "whole": 3, "fraction": 0.25, "tiny": 1e-5,
            "huge": 1.5e20, "negative": -2.5,
        ]
        for (name, value) in values { gauge.set(value, labels: ["v": name]) }
        let text = registry.renderPrometheus()
        for line in ["g{v=\"nan\"} NaN", "g{v=\"pinf\"} +Inf", "g{v=\"ninf\"} -Inf", "g{v=\"whole\"} 3",
            "g{v=\"fraction\"} 0.25", "g{v=\"negative\"} -2.5"]
        {
            #expect(text.contains(line + "\n"), "missing \(line)")
        }
        let parsed = try #require(try ParsedFamily.parse(text).first)
        for sample in parsed.samples {
            let expected = try #require(values[sample.labels["v"] ?? ""])
            let value = try #require(sample.number)
            #expect(value == expected || (value.isNaN && expected.isNaN), "\(sample)")
        }
    }

    @Test("a registry with every type parses with prometheus_client and the values match")
    func oracleRoundTrip() throws {
        let registry = MetricsRegistry()
        let counter = try registry.counter("requests_total", help: "Requests.")
        let gauge = try registry.gauge("temperature", help: "Temperature.")
        let histogram = try registry.histogram("size_bytes", help: "Sizes.", buckets: [10, 100, 1000])
        var generator = SeededGenerator(seed: 7)
        var observed: [String: [Double]] = [:]
        for index in 0..<500 {
            let route = ["/a", "/b", "/c"][index % 3]
            counter.increment(by: Double(index % 4), labels: ["route": route, "code": "200"])
            let size = Double.random(in: 0..<2000, using: &generator)
            histogram.observe(size, labels: ["route": route])
            observed[route, default: []].append(size)
        }
        gauge.set(-12.75)
        let families = try ParsedFamily.parse(registry.renderPrometheus())
        #expect(families.map(\.name) == ["requests", "size_bytes", "temperature"])
        #expect(families.map(\.type) == ["counter", "histogram", "gauge"])
        let requests = families[0]
        for route in ["/a", "/b", "/c"] {
            #expect(requests.values("requests_total", where: ["route": route]) == [counter.value(labels: ["route": route, "code": "200"])])
            let sizes = try #require(observed[route])
            let buckets = families[1].samples.filter { $0.name == "size_bytes_bucket" && $0.labels["route"] == route }
            #expect(buckets.map { $0.labels["le"] ?? "" } == ["10", "100", "1000", "+Inf"])
            let expected = [10.0, 100, 1000, .infinity].map { bound in Double(sizes.filter { $0 <= bound }.count) }
            #expect(buckets.compactMap(\.number) == expected)
            #expect(families[1].values("size_bytes_count", where: ["route": route]) == [Double(sizes.count)])
            let sum = try #require(families[1].values("size_bytes_sum", where: ["route": route]).first)
            #expect(abs(sum - sizes.reduce(0, +)) < 1e-6)
        }
        #expect(families[2].values("temperature") == [-12.75])
    }

    @Test("updates from many tasks at once are all counted")
    func concurrentUpdates() async throws {
        let registry = MetricsRegistry()
        let counter = try registry.counter("n_total", help: "n")
        let histogram = try registry.histogram("h", help: "h", buckets: [0.5])
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for _ in 0..<1000 {
                        counter.increment(labels: ["task": String(task % 2)])
                        histogram.observe(0.1)
                    }
                }
            }
        }
        #expect(counter.value(labels: ["task": "0"]) + counter.value(labels: ["task": "1"]) == 8000)
        #expect(histogram.snapshot().cumulativeCounts == [8000])
    }
}
