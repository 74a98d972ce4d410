"""The program's database: units and their reports by year, in one SQLite file.

This is the only package that talks to SQLite: `database` (the Store), `schema` (migrations and
the checks made on opening), `connection` (the file and SQLite's errors), `locations` (where the
file is), `units` (units under units, the recycle bin, receipts), `integrity` (the checks and the
reports' checksums), `backups` (copies made and put back), `lock` (one writing window per
database). sqlite-utils creates and migrates the schema and runs every write in one
transaction; reads are plain SQL on the same connection.

Reports are kept in their JSON form (spec/interfaces.md §1), so a report stored by this version
keeps the fields a later version adds. The file keeps SQLite's rollback journal with
synchronous=FULL, so a commit is on disk before `save` returns, and a process killed in the middle
of a write leaves a hot journal that the next open rolls back: nothing committed is lost and the
file is never half-written. (The rollback journal rather than WAL because it leaves one file at
rest, which office users copy and back up, and it works on network drives.)
"""

from app.store.connection import SQLITE_HEADER as SQLITE_HEADER
from app.store.database import DEFAULT_BUSY_TIMEOUT as DEFAULT_BUSY_TIMEOUT
from app.store.database import Store as Store
from app.store.database import Stored as Stored
from app.store.locations import APP_NAME as APP_NAME
from app.store.locations import DB_ENV_VAR as DB_ENV_VAR
from app.store.locations import DB_FILE_NAME as DB_FILE_NAME
from app.store.locations import default_db_path as default_db_path
from app.store.locations import user_data_folder as user_data_folder
from app.store.lock import DatabaseLock as DatabaseLock
from app.store.schema import APPLICATION_ID as APPLICATION_ID
from app.store.schema import MIGRATIONS as MIGRATIONS
from app.store.schema import SCHEMA_VERSION as SCHEMA_VERSION
from app.store.units import BinEntry as BinEntry
from app.store.units import Receipt as Receipt
from app.store.units import UnitInfo as UnitInfo
from app.store_errors import DamagedStore as DamagedStore
from app.store_errors import StaleReport as StaleReport
from app.store_errors import StoreError as StoreError
