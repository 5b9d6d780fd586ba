//! A problem in a file, at a position: `bestand:regel:kolom` and what is wrong, as facts. The
//! Dutch sentence is made above the core (`wording::diagnostic`).

use serde::Serialize;

use crate::domain::validate::Bevinding;

/// One error or warning with its position. The field names are the JSON contract of
/// `controleer` (which adds the worded `melding`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The file name relative to the werkmap.
    pub bestand: String,
    pub regel: usize,
    pub kolom: usize,
    #[serde(skip)]
    pub melding: Melding,
}

/// What is wrong in a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Melding {
    /// A check of the content found something.
    Bevinding(Bevinding),
    /// RON that does not parse, or a value of the wrong kind.
    Ron(ron::Error),
    /// Brackets nest deeper than the format goes.
    TeDiep {
        max: usize,
    },
    /// A Dutch decimal comma (`80,5`) where RON wants a point.
    DecimaalKomma {
        geheel: String,
        fractie: String,
    },
    GeenUtf8,
    /// The file was not read: not a regular file, too large, or the system refused.
    NietGelezen(ReadRefused),
    /// The werkmap folder itself could not be read.
    WerkmapNietTeLezen(IoFout),
    /// Absences in the file still have a `reden`, which is no longer kept (how many).
    RedenenVervallen(usize),
    /// Another file (`ander`) already holds the board with this id.
    BordIdDubbel {
        id: String,
        ander: String,
    },
}

/// An operating system error, kept as facts (it can be cloned and compared, unlike
/// `io::Error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoFout {
    pub kind: std::io::ErrorKind,
    /// The system's own error number, where there is one.
    pub os: Option<i32>,
    /// The system's own text.
    pub tekst: String,
}

impl From<&std::io::Error> for IoFout {
    fn from(e: &std::io::Error) -> IoFout {
        IoFout {
            kind: e.kind(),
            os: e.raw_os_error(),
            tekst: e.to_string(),
        }
    }
}

impl std::fmt::Display for IoFout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.tekst)
    }
}

/// What a file that is not read turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Map,
    Fifo,
    Apparaat,
    Socket,
    /// Some other kind that is not a regular file.
    Anders,
}

/// Why [`super::load::read_bounded`] did not read a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadRefused {
    /// Not a regular file (or a symbolic link to something that is not one).
    #[error("not a regular file: {0:?}")]
    GeenBestand(Soort),
    /// A symbolic link whose target does not exist.
    #[error("a symbolic link to nothing")]
    LosseKoppeling,
    /// Larger than [`super::load::MAX_BYTES`]: the size found, or one more when it grew
    /// while read.
    #[error("too large: {0} bytes")]
    TeGroot(u64),
    /// The operating system refused.
    #[error("{0}")]
    Io(IoFout),
}

impl From<std::io::Error> for ReadRefused {
    fn from(e: std::io::Error) -> ReadRefused {
        ReadRefused::Io(IoFout::from(&e))
    }
}
