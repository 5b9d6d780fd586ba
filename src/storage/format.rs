//! The RON dialect of the werkmap: lenient reading, canonical writing (DESIGN.md section 2).

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The first line of every file the program writes.
pub const HEADER: &str = "#![enable(implicit_some)]\n";

/// Options for reading: `implicit_some` whether or not the file enables it.
pub fn read_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Strips a UTF-8 byte order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses RON text (BOM already stripped).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    read_options().from_str(text)
}

/// Writes a value in the canonical form: header line, 4-space indent, `\n` line ends,
/// struct names, fields in declaration order, defaults left out, a final newline.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Written without the extension in the config: the serializer would otherwise emit its own
    // header only sometimes; we write it ourselves, always the same.
    let opts = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let body = opts.to_string_pretty(value, config)?;
    let mut out = String::with_capacity(HEADER.len() + body.len() + 1);
    out.push_str(HEADER);
    out.push_str(&body);
    out.push('\n');
    Ok(out)
}
