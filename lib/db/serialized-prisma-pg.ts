import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's pg adapter with one query at a time on each transaction's connection.
//
// Inside an interactive transaction Prisma sends independent statements at once (the
// relations of a nested select, a `Promise.all` in the callback) to the one pg client that
// holds the transaction. pg still queues them, but pg 8.19 deprecates that queue ("Calling
// client.query() when the client is already executing a query is deprecated"; an error in
// pg 9), which is the warning the live benchmark printed under load. The adapter cannot be
// told to wait (https://github.com/prisma/orm/pull/29979 is open), so each transaction's
// queries are chained here, and COMMIT/ROLLBACK and the release of the connection wait for
// the statements before them. Queries outside a transaction use a pool connection each
// and need nothing.

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

export class SerializedPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      serializeQueries(await startTransaction(isolationLevel));
    return adapter;
  }
}

function serializeQueries(transaction: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  };

  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);

  // Own properties shadow the prototype's, so the savepoint methods, which call
  // this.executeRaw, take their turn too.
  transaction.queryRaw = (query) => inTurn(() => queryRaw(query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw(query));
  transaction.commit = () => inTurn(() => commit());
  transaction.rollback = () => inTurn(() => rollback());
  return transaction;
}
