//! Where the program SWC hands over starts, read from the head of its encoding without decoding
//! the rest: a CBOR tag for the `Program` variant (`Module` or `Script`), then the variant's
//! fields as an array whose first item is its span, an array `[lo, hi]` of byte positions.

/// One CBOR item head: major type and argument, and the position after it.
fn head(bytes: &[u8], at: usize) -> Option<(u8, u64, usize)> {
    let initial = *bytes.get(at)?;
    let (major, info) = (initial >> 5, initial & 0x1f);
    let size = match info {
        0..=23 => return Some((major, u64::from(info), at + 1)),
        24 => 1,
        25 => 2,
        26 => 4,
        27 => 8,
        _ => return None,
    };
    let argument = bytes.get(at + 1..at + 1 + size)?.iter().fold(0u64, |value, byte| (value << 8) | u64::from(*byte));
    Some((major, argument, at + 1 + size))
}

const UNSIGNED: u8 = 0;
const ARRAY: u8 = 4;
const TAG: u8 = 6;

/// The byte position the program starts at (0 for an empty program), or why it cannot be read.
pub fn start_of(program: &[u8]) -> Result<u32, String> {
    let read = || -> Option<u32> {
        let (major, variant, at) = head(program, 0)?;
        if major != TAG || !(1..=2).contains(&variant) {
            return None;
        }
        let (major, fields, at) = head(program, at)?;
        if major != ARRAY || fields == 0 {
            return None;
        }
        let (major, length, at) = head(program, at)?;
        if major != ARRAY || length != 2 {
            return None;
        }
        let (major, lo, _) = head(program, at)?;
        if major != UNSIGNED {
            return None;
        }
        u32::try_from(lo).ok()
    };
    read().ok_or_else(|| {
        "this @swc/core hands plugins the program in an encoding this Palisade does not know; \
         use an @swc/core version the Palisade README lists"
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::start_of;

    #[test]
    fn reads_the_start_of_modules_and_scripts() {
        // As swc_core 83 encodes `Module { span: 5..99 }` and `Script { span: 70000..80000 }`.
        assert_eq!(start_of(&[0xc1, 0x83, 0x82, 0x05, 0x18, 0x63, 0x80, 0x80]), Ok(5));
        assert_eq!(
            start_of(&[0xc2, 0x83, 0x82, 0x1a, 0x00, 0x01, 0x11, 0x70, 0x1a, 0x00, 0x01, 0x38, 0x80, 0x80, 0x80]),
            Ok(70000)
        );
        assert_eq!(start_of(&[0xc1, 0x83, 0x82, 0x00, 0x00, 0x80, 0x80]), Ok(0));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(start_of(&[]).is_err());
        assert!(start_of(&[0xc3, 0x83, 0x82, 0x05, 0x05]).is_err());
        assert!(start_of(&[0xc1, 0x82, 0x05]).is_err());
        assert!(start_of(&[0xc1, 0x83, 0x82, 0x1a, 0x00]).is_err());
    }
}
