import Dispatch

/// Runs the server's handler tasks on Dispatch threads instead of Swift's cooperative pool.
///
/// The cooperative pool has one thread per core. A process that keeps those threads busy — CPU work, or
/// code that blocks in a system call — would otherwise leave a metrics scrape or a simulator request
/// unanswered until the pool frees up. With this executor as the handler task's preference, the handler
/// (and the default actors it calls into) runs on an overcommitting Dispatch queue, so the server answers
/// whatever the rest of the process is doing.
final class HandlerExecutor: TaskExecutor {
    static let shared = HandlerExecutor()

    private let queue = DispatchQueue(label: "botcore.http-server.handlers", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
