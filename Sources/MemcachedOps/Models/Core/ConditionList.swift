extension Array where Element == Condition {
    /// Sets a condition the way kmodules does: a new type is appended at the end, an
    /// existing type is replaced in place, so the list keeps first-insertion order.
    ///
    /// The replaced condition keeps its `lastTransitionTime` when its status does not change.
    public mutating func set(_ condition: Condition) {
        guard let index = firstIndex(where: { $0.type == condition.type }) else {
            append(condition)
            return
        }
        var updated = condition
        if self[index].status == condition.status, let earlier = self[index].lastTransitionTime {
            updated.lastTransitionTime = earlier
        }
        self[index] = updated
    }

    /// The condition of the given type.
    public func condition(_ type: String) -> Condition? {
        first { $0.type == type }
    }

    /// Whether a condition of the given type has status `True`.
    public func isTrue(_ type: String) -> Bool {
        condition(type)?.status == .true
    }
}
