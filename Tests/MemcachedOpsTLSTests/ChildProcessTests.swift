import Foundation
import MemcachedOpsTLS
import Testing

@Suite("child processes")
struct ChildProcessTests {
    @Test("a child starts with an empty signal mask even when the parent blocks SIGTERM")
    func cleanSignalMask() async throws {
        // Block SIGTERM (and ignore SIGHUP) on this thread, as a test runner may, while
        // the child is started.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        let previousHangUp = signal(SIGHUP, SIG_IGN)
        let child: ChildProcess
        do {
            defer {
                signal(SIGHUP, previousHangUp)
                pthread_sigmask(SIG_SETMASK, &previous, nil)
            }
            child = try ChildProcess(executablePath: "/bin/sleep", arguments: ["30"])
        }

        let status = try String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8)
        func mask(_ name: String) -> UInt64? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        }
        #expect(mask("SigBlk") == 0)
        // Signals 1 to 31 keep their default actions; glibc itself ignores its two
        // internal real-time signals (32, 33) in every spawned child.
        #expect(mask("SigIgn").map { $0 & 0x7fff_ffff } == 0)

        #expect(child.isRunning)
        let ended = await child.terminate(gracePeriod: .seconds(5))
        #expect(ended == .signaled(SIGTERM))
        #expect(!child.isRunning)
        #expect(kill(child.pid, 0) != 0)
    }

    @Test("reports the exit status and writes output and errors to the log file")
    func exitStatusAndOutput() async throws {
        let directory = try TemporaryDirectory()
        let log = directory.file("child.log")
        let child = try ChildProcess(
            executablePath: "/bin/sh", arguments: ["-c", "echo out; echo err >&2; exit 3"],
            outputPath: log)
        #expect(await child.waitForExit(timeout: .seconds(10)) == .exited(3))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "out\nerr\n")
    }

    @Test("kills a child that ignores SIGTERM once the grace period is over")
    func killsStubbornChild() async throws {
        let child = try ChildProcess(
            executablePath: "/bin/sh", arguments: ["-c", "trap '' TERM; exec sleep 30"])
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        let ended = await child.terminate(gracePeriod: .milliseconds(300))
        #expect(ended == .signaled(SIGKILL))
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("inherits no descriptor beyond standard input, output and error")
    func noInheritedDescriptors() async throws {
        let directory = try TemporaryDirectory()
        let log = directory.file("fd.log")
        // A descriptor without close-on-exec, as careless code elsewhere might leave one.
        let opened = open("/dev/null", O_RDONLY)
        #expect(opened >= 0)
        let leaky = dup2(opened, 200)
        close(opened)
        defer { close(leaky) }

        let child = try ChildProcess(
            executablePath: "/bin/sh",
            arguments: [
                "-c", "if [ -e /proc/self/fd/200 ]; then echo leaked; else echo clean; fi",
            ],
            outputPath: log)
        #expect(await child.waitForExit(timeout: .seconds(10)) == .exited(0))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "clean\n")
    }

    @Test("passes the environment it is given")
    func environment() async throws {
        let directory = try TemporaryDirectory()
        let log = directory.file("env.log")
        let child = try ChildProcess(
            executablePath: "/bin/sh", arguments: ["-c", "echo \"$GREETING\""],
            environment: ["GREETING": "hello"], outputPath: log)
        #expect(await child.waitForExit(timeout: .seconds(10)) == .exited(0))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "hello\n")
    }

    @Test("a program that does not exist is an error naming it")
    func missingProgram() {
        let error = #expect(throws: ChildProcessError.self) {
            try ChildProcess(executablePath: "/nonexistent/memcached")
        }
        #expect(error?.description.contains("/nonexistent/memcached") == true)
    }
}
