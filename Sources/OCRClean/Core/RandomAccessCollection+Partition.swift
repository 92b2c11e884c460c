extension RandomAccessCollection {
    /// The index of the first element for which `belongs` holds, by binary search, in a
    /// collection where it holds for a suffix (false… false, true… true); `endIndex` if none.
    func partitioningIndex(where belongs: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
