import Dispatch

/// A serial executor that runs an actor's jobs on its own dispatch queue.
///
/// SQLite calls block their thread (disk I/O, `fsync`, busy-timeout waits of up to seconds). Run on Swift's
/// cooperative pool, which has one thread per core (two on CI), a waiting database would stall every other
/// task in the process. Jobs of an actor using this executor run on a dispatch thread instead.
final class SQLiteQueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
