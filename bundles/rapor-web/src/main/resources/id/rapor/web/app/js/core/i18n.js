// The application's own words, in Indonesian (the default) and English. What the API says
// (problems, explanations, level descriptors) comes in the same language: every call sends it
// as Accept-Language. The choice is kept in this browser (localStorage).
const WORDS = {
  id: {
    skip: 'Lewati ke isi', home: 'Beranda Rapor', 'nav.label': 'Menu utama', 'lang.label': 'Bahasa', logout: 'Keluar',
    loading: 'Memuat…', footer: 'Rapor — semua yang dilakukan halaman ini dilakukan lewat API publik',
    who: 'Masuk sebagai {0}', yes: 'ya', notFound: 'Halaman tidak ditemukan', 'error.title': 'Terjadi kesalahan',
    'nav.assess': 'Penilaian', 'nav.units': 'Unit',
    'login.title': 'Masuk', 'login.intro': 'Masuk dengan pengguna Rapor Anda (dibuat oleh administrator dengan bin/rapor-user).',
    'login.user': 'Nama pengguna', 'login.password': 'Kata sandi', 'login.submit': 'Masuk',
    'login.expired': 'Sesi Anda telah berakhir; silakan masuk lagi.',
    'assess.title': 'Penilaian', 'assess.choose': 'Pilih unit dan putaran', 'assess.unit': 'Unit',
    'assess.family': 'Metodologi', 'assess.year': 'Tahun', 'assess.show': 'Tampilkan', 'assess.role': 'Peran penilaian baru',
    'assess.methodology': 'Berlaku: {0} ({1})', 'assess.noMethodology': 'Tidak ada metodologi {0} yang berlaku untuk tahun {1}.',
    'assess.noUnits': 'Belum ada unit yang dapat Anda lihat. Administrator menambahkan unit di menu Unit.',
    'assess.list': 'Penilaian {0} — {1} {2}', 'assess.none': 'Belum ada penilaian untuk putaran ini.',
    'assess.new': 'Mulai penilaian baru', 'assess.open': 'Buka', 'assess.continue': 'Lanjutkan',
    'assess.tableCaption': 'Penilaian unit pada putaran ini', 'assess.back': '← Kembali ke daftar penilaian',
    'assessment.title': 'Penilaian {0} — {1}', 'assessment.comment': 'Catatan (opsional)', 'assessment.save': 'Simpan draf',
    'assessment.submit': 'Kirim penilaian', 'assessment.submitHint': 'Setelah dikirim, penilaian tidak dapat diubah lagi.',
    'assessment.saved': 'Draf no. {0} tersimpan: indeks {1}, predikat {2}.', 'assessment.submitted': 'Penilaian no. {0} telah dikirim.',
    'assessment.unsaved': 'Belum tersimpan. Jawab semua indikator lalu simpan draf; bukti dapat dilampirkan setelah draf tersimpan.',
    'assessment.stored': 'Nilai tersimpan: {0} — {1} {2}.',
    'assessment.finalize': 'Finalkan', 'assessment.finalized': 'Penilaian no. {0} telah final.',
    'assessment.finalizeHint': 'Penilaian final tidak pernah berubah dan dihitung dalam pemantauan putaran.',
    'aspect.weight': '(bobot {0}%)', 'indicator.weight': 'Bobot indikator: {0}', 'indicator.infoOnly': 'hanya informasi, tidak dinilai',
    'indicator.value': 'Nilai',
    'score.title': 'Nilai', 'score.progress': '{0} dari {1} indikator terjawab.', 'score.explanation': 'Penjelasan',
    'score.chartLabel': 'Diagram batang kontribusi tiap aspek terhadap indeks; angka yang sama ada di tabel di bawahnya.',
    'score.plan': 'Untuk mencapai predikat berikutnya', 'score.planTarget': 'Menuju {0} (mulai {1}): langkah paling sedikit, hasilnya {2} {3}.',
    'score.planStep': '{0} {1}: dari tingkat {2} ke {3} (+{4})', 'score.planNone': 'Predikat berikutnya tidak dapat dicapai.',
    'score.planSurvey': 'Jawaban survei berasal dari responden, bukan dari unit; tidak ada rencana perbaikan.',
    'score.moved': 'Dibanding putaran sebelumnya', 'score.movedNone': 'Belum ada nilai resmi unit ini pada putaran sebelumnya.',
    'score.movedFrom': 'Nilai resmi {0} ({1}): {2}; sekarang {3}, selisih {4}. Rinciannya (tiap bagian dijumlahkan tepat menjadi selisih itu):',
    'score.tableCaption': 'Kontribusi tiap aspek', 'score.noRespondents': 'Belum ada responden.', 'score.respondents': '{0} responden.',
    'col.id': 'No.', 'col.role': 'Peran', 'col.state': 'Status', 'col.index': 'Indeks', 'col.band': 'Predikat', 'col.updated': 'Terakhir diubah',
    'col.official': 'Resmi', 'col.aspect': 'Aspek', 'col.weight': 'Bobot (%)', 'col.score': 'Skor', 'col.contribution': 'Kontribusi',
    'col.column': 'Kolom', 'col.element': 'Unsur', 'col.options': 'Jawaban',
    'evidence.title': 'Bukti dukung', 'evidence.none': 'Belum ada berkas.', 'evidence.attach': 'Lampirkan',
    'evidence.file': 'Berkas bukti untuk {0}', 'evidence.kinds': 'PDF, PNG, JPEG, atau dokumen Office/OpenDocument.',
    'evidence.remove': 'Hapus', 'evidence.removeLabel': 'Hapus berkas {0}',
    'skm.title': 'Responden', 'skm.intro': 'Survei Kepuasan Masyarakat dinilai dari jawaban tiap responden. Unggah berkas CSV: satu baris per responden, satu kolom per unsur (kodenya, mis. U1), dipisah koma atau titik koma.',
    'skm.elements': 'Unsur survei dan jawabannya', 'skm.file': 'Berkas CSV responden', 'skm.fileHint': 'Baris pertama berisi kode unsur.',
    'skm.template': 'Unduh contoh CSV', 'skm.noneYet': 'Belum ada responden.', 'skm.stored': '{0} responden tersimpan.',
    'skm.read': '{0} responden terbaca dari berkas; simpan draf untuk menyimpannya.', 'skm.empty': 'Berkas kosong.',
    'skm.unknownColumn': 'Kolom "{0}" bukan unsur survei ini.', 'skm.notANumber': 'Baris {0}, kolom {1}: "{2}" bukan angka.',
    'units.title': 'Unit', 'units.tree': 'Pohon unit', 'units.none': 'Belum ada unit.', 'units.inactive': 'tidak aktif',
    'units.importTitle': 'Impor unit dari CSV', 'units.file': 'Berkas CSV unit', 'units.import': 'Impor',
    'units.importIntro': 'Kolom id,name,kind,parent[,active]; kind salah satu dari region, office, service-unit. Semua baris diimpor atau tidak sama sekali.',
    'units.imported': '{0} unit diimpor.',
    'role.self': 'Mandiri', 'role.evaluator': 'Evaluator', 'role.verifier': 'Verifikator',
    'state.draft': 'Draf', 'state.submitted': 'Terkirim', 'state.final': 'Final', 'state.new': 'Baru',
    'kind.region': 'wilayah', 'kind.office': 'perangkat daerah', 'kind.service-unit': 'unit layanan',
    // Monitoring (job 2)
    'nav.monitor': 'Pemantauan', 'monitor.title': 'Pemantauan putaran', 'monitor.choose': 'Pilih wilayah dan putaran',
    'monitor.region': 'Wilayah', 'monitor.noRegions': 'Belum ada wilayah yang dapat Anda pantau.',
    'monitor.round': '{0} — {1} {2}', 'monitor.aggregation': 'Indeks wilayah: {0} indeks resmi {1} unit (dari {2} unit).',
    'aggregation.mean': 'rata-rata',
    'monitor.methodology': 'Dinilai dengan {0}.', 'monitor.counts': '{0} unit bernilai resmi, {1} menunggu, {2} belum mengisi.',
    'monitor.previous': 'Putaran sebelumnya {0}: {1} {2}.', 'monitor.change': 'Perubahan {0} ({1}%).',
    'monitor.methodChanged': 'Metodologi berubah antara kedua putaran ({0} → {1}): perubahan ini bukan semata perubahan kinerja.',
    'monitor.methodChangedShort': 'metodologi berubah', 'monitor.revision': 'revisi {0}',
    'monitor.units': 'Unit', 'monitor.unitsCaption': 'Unit pada putaran ini', 'monitor.sortHint': '(klik judul kolom untuk mengurutkan)',
    'monitor.regions': 'Wilayah di bawahnya', 'monitor.bands': 'Sebaran predikat', 'monitor.bandsCaption': 'Jumlah unit per predikat',
    'monitor.bandsChart': 'Diagram batang jumlah unit per predikat; angka yang sama ada di tabel di bawahnya.',
    'monitor.notEntered': 'Belum mengisi', 'monitor.atOrBelow': 'Pada atau di bawah {0} (prioritas pembinaan)',
    'monitor.belowAverage': 'Di bawah indeks wilayah', 'monitor.none': 'Tidak ada.',
    'monitor.status.scored': 'bernilai', 'monitor.status.pending': 'menunggu', 'monitor.status.not-entered': 'belum mengisi',
    'col.rank': 'Peringkat', 'col.unit': 'Unit', 'col.gap': 'Selisih mandiri−evaluator', 'col.previous': 'Sebelumnya', 'col.change': 'Perubahan',
    'col.year': 'Tahun', 'col.methodology': 'Metodologi', 'col.scored': 'Unit bernilai',
    'history.title': 'Riwayat', 'history.of': 'Riwayat {0} — {1}', 'history.back': '← Kembali ke pemantauan',
    'history.none': 'Belum ada putaran bernilai resmi untuk {0} ini.', 'history.chart': 'Diagram garis indeks tiap putaran; angka yang sama ada di tabel di bawahnya.',
    'history.caption': 'Indeks tiap putaran',
  },
  en: {
    skip: 'Skip to content', home: 'Rapor home', 'nav.label': 'Main menu', 'lang.label': 'Language', logout: 'Log out',
    loading: 'Loading…', footer: 'Rapor — everything this page does goes through the public API',
    who: 'Logged in as {0}', yes: 'yes', notFound: 'Page not found', 'error.title': 'Something went wrong',
    'nav.assess': 'Assessments', 'nav.units': 'Units',
    'login.title': 'Log in', 'login.intro': 'Log in with your Rapor user (created by an administrator with bin/rapor-user).',
    'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.expired': 'Your session has ended; please log in again.',
    'assess.title': 'Assessments', 'assess.choose': 'Choose a unit and a round', 'assess.unit': 'Unit',
    'assess.family': 'Methodology', 'assess.year': 'Year', 'assess.show': 'Show', 'assess.role': 'Role of a new assessment',
    'assess.methodology': 'Applies: {0} ({1})', 'assess.noMethodology': 'No {0} methodology applies to {1}.',
    'assess.noUnits': 'There are no units you may see yet. An administrator adds units under Units.',
    'assess.list': 'Assessments of {0} — {1} {2}', 'assess.none': 'No assessment for this round yet.',
    'assess.new': 'Begin a new assessment', 'assess.open': 'Open', 'assess.continue': 'Continue',
    'assess.tableCaption': "The unit's assessments of this round", 'assess.back': '← Back to the assessments',
    'assessment.title': '{0} assessment — {1}', 'assessment.comment': 'Comment (optional)', 'assessment.save': 'Save draft',
    'assessment.submit': 'Submit assessment', 'assessment.submitHint': 'Once submitted, the assessment cannot be changed.',
    'assessment.saved': 'Draft no. {0} saved: index {1}, band {2}.', 'assessment.submitted': 'Assessment no. {0} submitted.',
    'assessment.unsaved': 'Not saved yet. Answer every indicator, then save the draft; evidence can be attached once the draft is saved.',
    'assessment.stored': 'Stored score: {0} — {1} {2}.',
    'assessment.finalize': 'Make final', 'assessment.finalized': 'Assessment no. {0} is final.',
    'assessment.finalizeHint': "A final assessment never changes, and counts in the round's monitoring.",
    'aspect.weight': '(weight {0}%)', 'indicator.weight': 'Indicator weight: {0}', 'indicator.infoOnly': 'information only, not scored',
    'indicator.value': 'Value',
    'score.title': 'Score', 'score.progress': '{0} of {1} indicators answered.', 'score.explanation': 'Explanation',
    'score.chartLabel': "Bar chart of each aspect's contribution to the index; the same numbers are in the table below it.",
    'score.plan': 'To reach the next band', 'score.planTarget': 'To {0} (from {1}): the fewest steps, reaching {2} {3}.',
    'score.planStep': '{0} {1}: from level {2} to {3} (+{4})', 'score.planNone': 'The next band cannot be reached.',
    'score.planSurvey': "A survey's answers come from its respondents, not from the unit: there is no improvement plan.",
    'score.moved': 'Against the previous round', 'score.movedNone': 'This unit has no official score of an earlier round yet.',
    'score.movedFrom': 'Official score {0} ({1}): {2}; now {3}, a difference of {4}. Its parts (they add up to it exactly):',
    'score.tableCaption': "Each aspect's contribution", 'score.noRespondents': 'No respondents yet.', 'score.respondents': '{0} respondents.',
    'col.id': 'No.', 'col.role': 'Role', 'col.state': 'State', 'col.index': 'Index', 'col.band': 'Band', 'col.updated': 'Last changed',
    'col.official': 'Official', 'col.aspect': 'Aspect', 'col.weight': 'Weight (%)', 'col.score': 'Score', 'col.contribution': 'Contribution',
    'col.column': 'Column', 'col.element': 'Element', 'col.options': 'Answers',
    'evidence.title': 'Evidence', 'evidence.none': 'No files yet.', 'evidence.attach': 'Attach',
    'evidence.file': 'Evidence file for {0}', 'evidence.kinds': 'PDF, PNG, JPEG, or an Office/OpenDocument document.',
    'evidence.remove': 'Remove', 'evidence.removeLabel': 'Remove the file {0}',
    'skm.title': 'Respondents', 'skm.intro': "A public satisfaction survey is scored from each respondent's answers. Upload a CSV file: one row per respondent, one column per element (its code, e.g. U1), separated by commas or semicolons.",
    'skm.elements': 'The survey elements and their answers', 'skm.file': 'CSV file of respondents', 'skm.fileHint': "The first row holds the elements' codes.",
    'skm.template': 'Download a sample CSV', 'skm.noneYet': 'No respondents yet.', 'skm.stored': '{0} respondents stored.',
    'skm.read': '{0} respondents read from the file; save the draft to keep them.', 'skm.empty': 'The file is empty.',
    'skm.unknownColumn': 'Column "{0}" is no element of this survey.', 'skm.notANumber': 'Row {0}, column {1}: "{2}" is not a number.',
    'units.title': 'Units', 'units.tree': 'Unit tree', 'units.none': 'No units yet.', 'units.inactive': 'inactive',
    'units.importTitle': 'Import units from CSV', 'units.file': 'CSV file of units', 'units.import': 'Import',
    'units.importIntro': 'Columns id,name,kind,parent[,active]; kind is one of region, office, service-unit. All rows are imported, or none.',
    'units.imported': '{0} units imported.',
    'role.self': 'Self', 'role.evaluator': 'Evaluator', 'role.verifier': 'Verifier',
    'state.draft': 'Draft', 'state.submitted': 'Submitted', 'state.final': 'Final', 'state.new': 'New',
    'kind.region': 'region', 'kind.office': 'office', 'kind.service-unit': 'service unit',
    // Monitoring (job 2)
    'nav.monitor': 'Monitoring', 'monitor.title': 'Monitoring a round', 'monitor.choose': 'Choose a region and a round',
    'monitor.region': 'Region', 'monitor.noRegions': 'There is no region you may monitor yet.',
    'monitor.round': '{0} — {1} {2}', 'monitor.aggregation': "The region's index: the {0} of {1} units' official indices (of {2} units).",
    'aggregation.mean': 'mean',
    'monitor.methodology': 'Scored by {0}.', 'monitor.counts': '{0} units with an official score, {1} pending, {2} not entered.',
    'monitor.previous': 'Previous round {0}: {1} {2}.', 'monitor.change': 'Change {0} ({1}%).',
    'monitor.methodChanged': 'The methodology changed between the two rounds ({0} → {1}): this change is not a change in performance alone.',
    'monitor.methodChangedShort': 'methodology changed', 'monitor.revision': 'revision {0}',
    'monitor.units': 'Units', 'monitor.unitsCaption': 'The units of this round', 'monitor.sortHint': '(click a column heading to sort)',
    'monitor.regions': 'Regions below', 'monitor.bands': 'Units per band', 'monitor.bandsCaption': 'How many units fall in each band',
    'monitor.bandsChart': 'Bar chart of the units in each band; the same numbers are in the table below it.',
    'monitor.notEntered': 'Not entered yet', 'monitor.atOrBelow': 'At or below {0} (priority for guidance)',
    'monitor.belowAverage': "Below the region's index", 'monitor.none': 'None.',
    'monitor.status.scored': 'scored', 'monitor.status.pending': 'pending', 'monitor.status.not-entered': 'not entered',
    'col.rank': 'Rank', 'col.unit': 'Unit', 'col.gap': 'Gap self−evaluator', 'col.previous': 'Previous', 'col.change': 'Change',
    'col.year': 'Year', 'col.methodology': 'Methodology', 'col.scored': 'Units scored',
    'history.title': 'History', 'history.of': 'History of {0} — {1}', 'history.back': '← Back to monitoring',
    'history.none': 'No round with an official score for this {0} yet.', 'history.chart': 'Line chart of the index round by round; the same numbers are in the table below it.',
    'history.caption': 'The index round by round',
  },
};

/** A job's own words, kept beside its pages (js/policy/words.js): added to both languages. */
export function addWords(more) {
  for (const tag of Object.keys(WORDS)) Object.assign(WORDS[tag], more[tag] || {});
}

const KEY = 'rapor.language';

function stored() {
  try {
    return window.localStorage.getItem(KEY);
  } catch (e) {
    return null; // storage refused (private mode): Indonesian
  }
}

let current = WORDS[stored()] ? stored() : 'id';

export function language() {
  return current;
}

export function setLanguage(tag) {
  current = WORDS[tag] ? tag : 'id';
  try {
    window.localStorage.setItem(KEY, current);
  } catch (e) {
    // kept for this page only
  }
}

/** The words of {@code key}, {0}, {1}… replaced by the arguments (as text). */
export function t(key, ...args) {
  const words = WORDS[current][key] ?? WORDS.id[key] ?? key;
  return words.replace(/\{(\d+)\}/g, (m, n) => (args[n] === undefined ? m : String(args[n])));
}

/** The page's own words (data-i18n, data-i18n-label, data-i18n-title) and its lang attribute. */
export function translateStatic() {
  document.documentElement.lang = current;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  document.querySelectorAll('[data-i18n-title]').forEach((el) => el.setAttribute('title', t(el.dataset.i18nTitle)));
}
