//! Many writers, one werkmap (rewritten below).
