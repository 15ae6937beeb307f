package ledger

// migrateAccounts is this file's ledger migration (see schema.go for its place in
// the order). Replace the no-op with the tables this concern needs.
const migrateAccounts = `SELECT 1;`
