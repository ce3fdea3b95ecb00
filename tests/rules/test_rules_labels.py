"""English labels of finding locations."""

from lakipcheck.provenance import Provenance
from lakipcheck.rules.labels import english
from lakipcheck.rules.types import Location


def test_fixed_vocabulary_is_translated_and_report_words_are_kept():
    label = "target: tabel Perjanjian Kinerja hlm. 12 (Target Akhir Renstra 2024)"
    assert english(label) == "target: Perjanjian Kinerja table p. 12 (Target Akhir Renstra 2024)"
    assert english("BAB IV Penutup: kalimat dengan angka yang sama") == (
        "BAB IV Penutup: sentence with the same figure"
    )
    title = '"Tabel Jumlah Peserta PSP"'
    assert english(f"{title}: judul kolom ke-4") == f"{title}: column 4 title"
    assert english("tabel perbandingan dengan target akhir Renstra: % terhadap target akhir Renstra") == (
        "Renstra end-target table: % of the Renstra end target"
    )


def test_location_prefers_its_own_english_label():
    prov = Provenance(page=3)
    assert Location(prov, "tabel capaian kinerja", "my label").localised("en").label == "my label"
    assert Location(prov, "tabel capaian kinerja").localised("en").label == "performance table"
    assert Location(prov, "tabel capaian kinerja").localised("id").label == "tabel capaian kinerja"


def test_english_run_on_the_sample_has_no_indonesian_table_names(sample_report):
    from lakipcheck.rules.engine import run_rules
    from lakipcheck.rules.pack import load_pack

    findings = run_rules(sample_report, load_pack(), lang="en")
    labels = [loc.label for f in findings for loc in f.locations]
    assert labels
    assert not [lb for lb in labels if "hlm." in lb or lb.startswith("tabel ") or ": kalimat" in lb]
