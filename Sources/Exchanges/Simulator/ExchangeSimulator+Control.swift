import BotNet

extension ExchangeSimulator {
    /// The `/__simulator/…` endpoints: statistics, faults, reset.
    func control(_ request: HTTPServerRequest) -> SimulatorReply {
        switch (request.method, request.path) {
        case (.get, "/__simulator/stats"), (.head, "/__simulator/stats"):
            return .json(200, statistics().json)
        case (.get, "/__simulator/faults"), (.head, "/__simulator/faults"):
            return .json(200, faults.json)
        case (.post, "/__simulator/faults"):
            do {
                setFaults(try faults.updated(withJSON: request.body))
                return .json(200, faults.json)
            } catch {
                return .json(400, "{\"error\":\"\(SimulatorJSONWriter.escaped(error.description))\"}")
            }
        case (.post, "/__simulator/reset"):
            reset()
            return .json(200, "{}")
        case (_, "/__simulator/stats"), (_, "/__simulator/faults"), (_, "/__simulator/reset"):
            return .json(
                405,
                "{\"error\":\"method \(SimulatorJSONWriter.escaped(request.method.rawValue)) is not allowed here\"}")
        default:
            return .json(
                404,
                "{\"error\":\"unknown control endpoint; use GET /__simulator/stats, GET|POST /__simulator/faults "
                    + "or POST /__simulator/reset\"}")
        }
    }
}
