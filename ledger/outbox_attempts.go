package ledger

// migrateOutbox is this file's ledger migration (see schema.go for its place in
// the order). Replace the no-op with the tables this concern needs.
const migrateOutbox = `SELECT 1;`
