/// A growable stack that hands its top elements over as an array by moving them, not
/// copying them.
///
/// The readers push the members of every open container here and, when a container
/// closes, move exactly its members into an array of the right size. A Swift `Array` would
/// copy them (a retain each) and then release the originals.
package struct ElementStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int

    /// The number of elements on the stack.
    package private(set) var count = 0

    /// Creates an empty stack.
    package init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes an element.
    @inline(__always)
    package mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The element at `index`, counted from the bottom; `index` must be below ``count``.
    package subscript(index: Int) -> Element {
        @inline(__always) _read { yield base[index] }
        @inline(__always) _modify { yield &base[index] }
    }

    /// The top element, or `nil` when the stack is empty.
    package var last: Element? {
        @inline(__always) get { count > 0 ? base[count - 1] : nil }
    }

    /// Removes the top element; the stack must not be empty.
    @inline(__always)
    package mutating func removeLast() {
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// Removes the elements from `start` up.
    package mutating func truncate(to start: Int) {
        guard start < count else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// Removes the elements from `start` up and returns them as an array, bottom first.
    package mutating func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        // `reserveCapacity` and `append` are specialized for `Element`; the
        // `unsafeUninitializedCapacity` initializer looks the array's type up at run time.
        var array: [Element] = []
        array.reserveCapacity(moved)
        for index in start..<count { array.append((base + index).move()) }
        count = start
        return array
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
