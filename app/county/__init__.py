"""The county office's work: many units' reports read, matched, audited and added up.

- `names`: which unit a report is from, by the name in its title or signature;
- `similarity`, `cross_unit`: the rule across units (R21: 内容雷同 between units);
- `batch`: reading many files at once, on every core, with progress and cancel;
- `audit`: a batch's findings as lines, JSON and the summary workbook (spec/interfaces.md §5);
- `collect`: a folder of files matched to the units of the database, stored once confirmed;
- `board`: who has reported, with what result (报送情况);
- `rollup`: a county's tables as the sums of its units' tables; `in_store`: roll-ups kept in
  the database and made again when a unit's report changes;
- `status`, `places`: a report's standing (未报送 … 通过) and cells named as people name them.

Sums, matching and the cross-unit rule are pure; only `batch` touches files and processes,
and only `board`, `collect` and `in_store` the store.
"""
