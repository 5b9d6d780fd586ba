//! The user's config: the README's example parses, and a broken file is reported, not fatal.

use planbord::app::Config;
use planbord::storage;

#[test]
fn the_readme_example_is_a_valid_config() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("```ron\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let c: Config = storage::format::parse(block).unwrap();
    assert_eq!(c.gebruiker.as_deref(), Some("rsluiter"));
    assert_eq!(c.thema.as_deref(), Some("hoog-contrast"));
    assert!(c.muis());
}

#[test]
fn no_file_means_defaults() {
    let c: Config = storage::format::parse("Config()").unwrap();
    assert_eq!(c, Config::default());
    assert!(c.muis(), "the mouse is on unless switched off");
}

#[test]
fn a_misspelt_setting_is_refused_with_its_name() {
    let err = storage::format::parse::<Config>("Config(gebruikr: \"x\")").unwrap_err();
    assert!(planbord::wording::ron_fout(&err.code).contains("onbekend veld `gebruikr`"));
}
