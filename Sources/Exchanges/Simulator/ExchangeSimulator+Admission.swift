import BotNet

/// What the simulator decided about one request before serving it.
struct SimulatorTicket: Sendable {
    /// The market, clock, and row faults the request is served with.
    let page: SimulatorPage
    /// A fault or limit answer that replaces the endpoint's own.
    let rejection: SimulatorReply?
    /// Binance's `X-MBX-USED-WEIGHT-1M` value.
    let usedWeight: Int?
    /// Where to cut a successful body (0: send it whole).
    let truncateAt: Int
}

extension ExchangeSimulator {
    /// Numbers the request, charges its rate-limit budget and decides its faults, in this order: a Binance
    /// 418 ban (the fault, or one earned by ignoring 429s), the 429 burst, the venue's rate limit, a random
    /// 5xx, then (on success) a truncated body.
    func admit(_ route: SimulatorRoute, weight: Int) -> SimulatorTicket {
        let now = currentTime()
        let number = nextSequence()
        let faults = self.faults
        let venue = route.venue
        let page = SimulatorPage(market: market, now: now, seed: market.seed, sequence: number, faults: faults)
        let draw = { (salt: UInt64) in SimulatorHash.unit(SimulatorHash.combine(page.seed, salt, number)) }
        var usedWeight: Int? = nil
        func ticket(_ rejection: SimulatorReply?, truncateAt: Int = 0) -> SimulatorTicket {
            SimulatorTicket(page: page, rejection: rejection, usedWeight: usedWeight, truncateAt: truncateAt)
        }
        let isBinance = venue == .binanceSpot || venue == .binanceFutures

        if isBinance {
            usedWeight = binanceWeight(venue, now: now)
            if faults.ban418 {
                return ticket(Self.banned(until: now + Int64(faults.banSeconds) * 1000, now: now))
            }
            if rateLimits.isEnabled, let until = binanceBans[venue], now < until {
                return ticket(Self.banned(until: until, now: now))
            }
        }
        if faults.burst429 > 0 {
            consumeBurst()
            return ticket(Self.tooManyRequests(venue, retryAfter: faults.retryAfterSeconds, limit: nil))
        }
        if rateLimits.isEnabled, let refusal = charge(venue, weight: weight, now: now, usedWeight: &usedWeight) {
            return ticket(refusal)
        }
        if isBinance, !rateLimits.isEnabled { usedWeight = addBinanceWeight(venue, weight, now: now) }
        if faults.errorRate > 0, draw(0x6572_72) < faults.errorRate {
            let status = [500, 502, 503, 504][Int(draw(0x7374_6174) * 4) & 3]
            return ticket(Self.serverError(venue, status: status))
        }
        if faults.truncateRate > 0, draw(0x7472_756E) < faults.truncateRate {
            return ticket(nil, truncateAt: 1 + Int(draw(0x6375_74) * 4096))
        }
        return ticket(nil)
    }

    /// Charges the venue's budget; a refusal when it is spent.
    private func charge(_ venue: Venue, weight: Int, now: Int64, usedWeight: inout Int?) -> SimulatorReply? {
        let minute = Interval.floorDivide(now, 60_000)
        let retryAfter = max(1, Int(((minute + 1) * 60_000 - now + 999) / 1000))
        switch venue {
        case .binanceSpot, .binanceFutures:
            let limit =
                venue == .binanceSpot ? rateLimits.binanceSpotWeightPerMinute : rateLimits.binanceFuturesWeightPerMinute
            let used = binanceWeight(venue, now: now)
            guard used + weight <= limit else {
                usedWeight = used
                var refusals = binanceRefusals[venue] ?? (minute, 0)
                if refusals.minute != minute { refusals = (minute, 0) }
                refusals.count += 1
                binanceRefusals[venue] = refusals
                if refusals.count > rateLimits.binanceRefusalsBeforeBan {
                    let until = now + Int64(rateLimits.binanceBanSeconds) * 1000
                    binanceBans[venue] = until
                    return Self.banned(until: until, now: now)
                }
                return Self.tooManyRequests(venue, retryAfter: retryAfter, limit: limit)
            }
            usedWeight = addBinanceWeight(venue, weight, now: now)
            return nil
        case .krakenSpot:
            let elapsed = krakenCounter.updated == Int64.min ? 0 : Double(max(0, now - krakenCounter.updated)) / 1000
            let value = max(0, krakenCounter.value - elapsed * rateLimits.krakenSpotDecayPerSecond)
            krakenCounter = (value, now)
            guard value + 1 <= rateLimits.krakenSpotCounterLimit else {
                return SimulatedKrakenOHLC.error(SimulatedKrakenOHLC.rateLimitExceeded)
            }
            krakenCounter.value = value + 1
            return nil
        case .krakenFutures:
            return nil
        case .zondaSpot:
            if zondaWindow.minute != minute { zondaWindow = (minute, 0) }
            guard zondaWindow.used < rateLimits.zondaRequestsPerMinute else {
                var reply = SimulatedZondaCandles.failure("ACTION_LIMIT_EXCEEDED", status: 429)
                reply.headers["Retry-After"] = String(retryAfter)
                return reply
            }
            zondaWindow.used += 1
            return nil
        }
    }

    /// The weight used in the current minute.
    private func binanceWeight(_ venue: Venue, now: Int64) -> Int {
        let minute = Interval.floorDivide(now, 60_000)
        guard let window = binanceWindows[venue], window.minute == minute else { return 0 }
        return window.used
    }

    private func addBinanceWeight(_ venue: Venue, _ weight: Int, now: Int64) -> Int {
        let used = binanceWeight(venue, now: now) + weight
        binanceWindows[venue] = (Interval.floorDivide(now, 60_000), used)
        return used
    }

    private func consumeBurst() { faults.burst429 -= 1 }

    private func nextSequence() -> UInt64 {
        defer { requestNumber += 1 }
        return requestNumber
    }

    private func currentTime() -> Int64 { clock() }

    /// Binance's 418: the IP is banned until `until`; `Retry-After` says how many seconds remain.
    static func banned(until: Int64, now: Int64) -> SimulatorReply {
        var reply = SimulatedBinanceKlines.error(
            -1003,
            "Way too many requests; IP(127.0.0.1) banned until \(until). "
                + "Please use WebSocket Streams for live updates to avoid bans.", status: 418)
        reply.headers["Retry-After"] = String(max(1, (until - now + 999) / 1000))
        return reply
    }

    /// A 429 in the venue's words, with `Retry-After`.
    static func tooManyRequests(_ venue: Venue, retryAfter: Int, limit: Int?) -> SimulatorReply {
        var reply: SimulatorReply
        switch venue {
        case .binanceSpot, .binanceFutures:
            let budget = limit.map { " current limit of IP(127.0.0.1) request weight per minute is \($0)." } ?? ""
            reply = SimulatedBinanceKlines.error(
                -1003,
                "Too many requests;\(budget) Please use WebSocket Streams for live updates to avoid polling the API.",
                status: 429)
        case .krakenSpot:
            reply = SimulatedKrakenOHLC.error(SimulatedKrakenOHLC.rateLimitExceeded, status: 429)
        case .krakenFutures:
            reply = .json(429, "{\"result\":\"error\",\"error\":\"apiLimitExceeded\"}")
        case .zondaSpot:
            reply = SimulatedZondaCandles.failure("ACTION_LIMIT_EXCEEDED", status: 429)
        }
        reply.headers["Retry-After"] = String(retryAfter)
        return reply
    }

    /// A 5xx in the venue's words.
    static func serverError(_ venue: Venue, status: Int) -> SimulatorReply {
        switch venue {
        case .binanceSpot, .binanceFutures:
            status == 503
                ? SimulatedBinanceKlines.error(-1008, "Service Unavailable.", status: status)
                : SimulatedBinanceKlines.error(
                    -1000, "An unknown error occurred while processing the request.", status: status)
        case .krakenSpot:
            SimulatedKrakenOHLC.error(status == 503 ? "EService:Unavailable" : "EService:Busy", status: status)
        case .krakenFutures:
            .json(status, "{\"result\":\"error\",\"error\":\"serviceUnavailable\"}")
        case .zondaSpot:
            SimulatedZondaCandles.failure(status == 503 ? "UNDER_MAINTENANCE" : "TIMEOUT", status: status)
        }
    }
}
