extension Plan {
    /// The plan's JSON form, stable for scripts.
    ///
    /// ```json
    /// {
    ///   "database": "memcd-quickstart",
    ///   "namespace": "demo",
    ///   "operation": "RotateCertificates",
    ///   "strategy": "automatic",
    ///   "disposition": "proceed",
    ///   "problem": null,
    ///   "desiredTLS": { "issuerRef": { ... }, "certificates": [ ... ] },
    ///   "steps": [
    ///     { "action": "pauseDatabase", "condition": "PauseDatabase",
    ///       "target": "memcd-quickstart", "reason": "pause memcd-quickstart so ...",
    ///       "attempt": 1 }
    ///   ]
    /// }
    /// ```
    ///
    /// `operation` is `null` when the request was refused before one was recognised;
    /// `desiredTLS` is `null` when TLS is removed; `problem` is `null` unless the
    /// disposition is `blocked`, `failing` or `refused`, and then holds `code` and `message`
    /// (and, for `blocked` by policies, `violations`: each `policy` and `message`).
    public var json: JSONValue {
        var object = JSONObject()
        object["database"] = .string(database)
        object["namespace"] = .string(namespace)
        object["operation"] = operation.map { .string($0.rawValue) } ?? .null
        object["strategy"] = .string(strategy.rawValue)
        object["disposition"] = .string(disposition.name)
        object["problem"] = problemJSON
        object["desiredTLS"] = desiredTLS?.json ?? .null
        object["steps"] = .array(steps.map(\.json))
        return .object(object)
    }

    private var problemJSON: JSONValue {
        guard let code = disposition.code, let message = disposition.message else {
            return .null
        }
        var problem = JSONObject()
        problem["code"] = .string(code)
        problem["message"] = .string(message)
        if case .failing(let failure) = disposition {
            problem["step"] = .string(failure.step)
        }
        if case .blocked(.policy(let violations)) = disposition {
            problem["violations"] = .array(
                violations.map { violation in
                    ["policy": .string(violation.policy), "message": .string(violation.message)]
                })
        }
        return .object(problem)
    }
}

extension PlanStep {
    /// The step's JSON form: `action`, `condition`, `target`, `reason` and `attempt`.
    public var json: JSONValue {
        var object = JSONObject()
        object["action"] = .string(action.rawValue)
        object["condition"] = .string(condition)
        object["target"] = .string(target)
        object["reason"] = .string(reason)
        object["attempt"] = .number(JSONNumber(attempt))
        return .object(object)
    }
}
