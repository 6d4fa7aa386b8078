//! Binary search over sorted items read where they lie (a snapshot's tables, a project list
//! backed by one), which are no slice.

/// Binary search over `len` sorted items that `compare` orders against the item sought: `Ok` with
/// the index of an equal one, else `Err` with where it would go. For items read where they lie,
/// which are no slice.
pub fn search(len: usize, compare: impl Fn(usize) -> std::cmp::Ordering) -> Result<usize, usize> {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        match compare(middle) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Ok(middle),
        }
    }
    Err(low)
}
