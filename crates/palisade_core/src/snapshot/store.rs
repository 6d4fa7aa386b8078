//! Sorted key-value tables laid out in one byte buffer, searched where they lie: opening one
//! checks its offsets and reads nothing else, and a lookup is a binary search. The SWC plugin
//! opens a workspace snapshot for every file it compiles and asks about a handful of folders and
//! files of it, so what it pays must not grow with the part of the workspace it does not ask about.
//!
//! A table is `u32 count`, `u32 data length`, then `count` pairs of `u32` offsets into the data
//! (where the record's key starts, where its value starts), then the data: each record's key
//! followed by its value, records sorted by key bytes. Integers are little-endian.
//!
//! Beside tables, a buffer may hold plain sequences of counts (`u32`) and texts (a `u32` length,
//! then UTF-8), written by `push_count` / `push_text` and read back by a `Reader`.

use std::ops::Range;

use crate::sorted::search;

/// One table of a buffer: where its offsets and its data lie.
#[derive(Debug, Clone, Default)]
pub struct Table {
    offsets: usize,
    count: usize,
    data: Range<usize>,
}

fn read_u32(bytes: &[u8], at: usize) -> Option<usize> {
    let word = bytes.get(at..at + 4)?;
    let word: [u8; 4] = word.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(word)).ok()
}

/// Appends `value` as a little-endian `u32`; a buffer over 4 GiB is refused by the caller.
fn push_u32(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(&u32::try_from(value).unwrap_or(u32::MAX).to_le_bytes());
}

/// Appends `count` (a length, a number of items) as a `u32`.
pub fn push_count(out: &mut Vec<u8>, count: usize) {
    push_u32(out, count);
}

/// Appends `text` as its `u32` byte length and its bytes.
pub fn push_text(out: &mut Vec<u8>, text: &str) {
    push_u32(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// Reads counts and texts where they lie; `None` for anything past the end or not UTF-8, so a
/// damaged buffer is refused rather than misread.
pub struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    pub fn new(bytes: &'b [u8], at: usize) -> Self {
        Self { bytes, at }
    }

    /// Where the next read starts.
    pub fn at(&self) -> usize {
        self.at
    }

    pub fn count(&mut self) -> Option<usize> {
        let count = read_u32(self.bytes, self.at)?;
        self.at += 4;
        Some(count)
    }

    pub fn text(&mut self) -> Option<&'b str> {
        let len = self.count()?;
        let text = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        std::str::from_utf8(text).ok()
    }

    /// A count of items, each at least `min_len` bytes long: one the buffer cannot hold is
    /// refused, so that no allocation follows a damaged count.
    pub fn items(&mut self, min_len: usize) -> Option<usize> {
        let count = self.count()?;
        (count.checked_mul(min_len)? <= self.bytes.len().saturating_sub(self.at)).then_some(count)
    }
}

/// Appends a table of `records` (sorted here by key; later duplicates are dropped) to `out`.
pub fn write_table(out: &mut Vec<u8>, records: &mut Vec<(&str, &str)>) {
    records.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    records.dedup_by(|later, earlier| later.0 == earlier.0);
    let data_len: usize = records.iter().map(|(key, value)| key.len() + value.len()).sum();
    push_u32(out, records.len());
    push_u32(out, data_len);
    let mut at = 0;
    for (key, value) in records.iter() {
        push_u32(out, at);
        push_u32(out, at + key.len());
        at += key.len() + value.len();
    }
    for (key, value) in records.iter() {
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(value.as_bytes());
    }
}

impl Table {
    /// The table starting at `at` in `bytes`, and where it ends; `None` when its offsets do not
    /// describe records inside it (a damaged buffer), so that no later lookup can go out of bounds.
    pub fn read(bytes: &[u8], at: usize) -> Option<(Self, usize)> {
        let count = read_u32(bytes, at)?;
        let data_len = read_u32(bytes, at + 4)?;
        let offsets = at + 8;
        let data_start = offsets.checked_add(count.checked_mul(8)?)?;
        let data_end = data_start.checked_add(data_len)?;
        if data_end > bytes.len() {
            return None;
        }
        let mut previous_end = 0;
        for index in 0..count {
            let key = read_u32(bytes, offsets + index * 8)?;
            let value = read_u32(bytes, offsets + index * 8 + 4)?;
            if key < previous_end || value < key || value > data_len {
                return None;
            }
            previous_end = value;
        }
        Some((Self { offsets, count, data: data_start..data_end }, data_end))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Data-relative `(key start, value start, record end)` of record `index` (< `count`).
    fn bounds(&self, bytes: &[u8], index: usize) -> (usize, usize, usize) {
        let at = self.offsets + index * 8;
        let key = read_u32(bytes, at).unwrap_or(0);
        let value = read_u32(bytes, at + 4).unwrap_or(key);
        let end = if index + 1 < self.count { read_u32(bytes, at + 8).unwrap_or(value) } else { self.data.len() };
        (key, value, end.max(value))
    }

    pub fn key<'b>(&self, bytes: &'b [u8], index: usize) -> &'b [u8] {
        let (key, value, _) = self.bounds(bytes, index);
        &bytes[self.data.start + key..self.data.start + value]
    }

    /// The value of record `index`, if it is UTF-8 text.
    pub fn value<'b>(&self, bytes: &'b [u8], index: usize) -> Option<&'b str> {
        let (_, value, end) = self.bounds(bytes, index);
        std::str::from_utf8(&bytes[self.data.start + value..self.data.start + end]).ok()
    }

    /// The value of the record keyed `key`, if it is UTF-8 text.
    pub fn get<'b>(&self, bytes: &'b [u8], key: &str) -> Option<&'b str> {
        self.find(bytes, key).and_then(|index| self.value(bytes, index))
    }

    /// The index of the record keyed `key`.
    pub fn find(&self, bytes: &[u8], key: &str) -> Option<usize> {
        self.search(bytes, key).ok()
    }

    /// The index of the first record whose key is not below `key` (`count` when there is none).
    pub fn first_at_or_after(&self, bytes: &[u8], key: &str) -> usize {
        // Keys are unique (`write_table` drops duplicates): an equal one is the first.
        self.search(bytes, key).unwrap_or_else(|at| at)
    }

    fn search(&self, bytes: &[u8], key: &str) -> Result<usize, usize> {
        search(self.count, |index| self.key(bytes, index).cmp(key.as_bytes()))
    }

    /// Whether some key starts with `prefix`.
    pub fn holds_prefix(&self, bytes: &[u8], prefix: &str) -> bool {
        let at = self.first_at_or_after(bytes, prefix);
        at < self.count && self.key(bytes, at).starts_with(prefix.as_bytes())
    }

    /// Every record, in key order, whose key and value are UTF-8.
    #[cfg(test)]
    pub fn records<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = (&'b str, &'b str)> {
        (0..self.count).filter_map(move |index| {
            Some((std::str::from_utf8(self.key(bytes, index)).ok()?, self.value(bytes, index)?))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_found_by_key_and_by_prefix() {
        let mut out = b"head".to_vec();
        let mut records = vec![("b/c", "two"), ("", "root"), ("b", "one"), ("a", ""), ("b", "dropped")];
        write_table(&mut out, &mut records);
        out.extend_from_slice(b"tail");
        let (table, end) = Table::read(&out, 4).expect("a table");
        assert_eq!(&out[end..], b"tail");
        assert_eq!(table.len(), 4);
        let value = |key| table.get(&out, key);
        assert_eq!(value(""), Some("root"));
        assert_eq!(value("a"), Some(""));
        assert_eq!(value("b"), Some("one"));
        assert_eq!(value("b/c"), Some("two"));
        assert_eq!(value("c"), None);
        assert!(table.holds_prefix(&out, "b/"));
        assert!(!table.holds_prefix(&out, "a/"));
        assert_eq!(table.records(&out).count(), 4);
    }

    #[test]
    fn counts_and_texts_read_back_and_a_cut_is_refused() {
        let mut out = b"head".to_vec();
        push_count(&mut out, 2);
        push_text(&mut out, "één");
        push_text(&mut out, "");
        let mut reader = Reader::new(&out, 4);
        assert_eq!(reader.items(4), Some(2));
        assert_eq!(reader.text(), Some("één"));
        assert_eq!(reader.text(), Some(""));
        assert_eq!(reader.at(), out.len());
        assert_eq!(reader.text(), None, "past the end");
        let mut cut = Reader::new(&out[..out.len() - 6], 4);
        assert_eq!(cut.items(1), Some(2));
        assert_eq!(cut.text(), None, "a text cut short");
        assert_eq!(Reader::new(&out, 4).items(100), None, "more items than bytes");
    }

    #[test]
    fn a_damaged_table_is_refused() {
        let mut out = Vec::new();
        write_table(&mut out, &mut vec![("key", "value"), ("other", "text")]);
        assert!(Table::read(&out, 0).is_some());
        assert!(Table::read(&out[..out.len() - 1], 0).is_none(), "truncated");
        let mut swapped = out.clone();
        swapped[8..12].copy_from_slice(&100u32.to_le_bytes());
        assert!(Table::read(&swapped, 0).is_none(), "an offset past the data");
        assert!(Table::read(&[1, 0], 0).is_none(), "too short for a count");
        let mut huge = out;
        huge[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Table::read(&huge, 0).is_none(), "a count larger than the buffer");
    }
}
