/**
 * Error codes of the CloudBase admin API, as the server spells them in `{ code, message }` replies.
 * wx-server-sdk 4.0.2 maps the code through its TCB_ERR_CODE table into `errCode` (index.js,
 * `./src/api/cloud/provider/tcb/config/error.config.ts`); codes missing from that table become
 * SYS_ERR (-501001) and survive only inside `errMsg`, which is why every message below starts with
 * the code in brackets.
 */
export type CloudErrorCode =
  | 'SYS_ERR' // -501001
  | 'INVALID_PARAM' // -501007
  | 'DATABASE_REQUEST_FAILED' // -502001 (also what the cloud answers for E11000 duplicate keys)
  | 'DATABASE_INVALID_OPERRATOR' // -502002 (sic: the SDK's spelling)
  | 'DATABASE_COLLECTION_NOT_EXIST' // -502005
  | 'DATABASE_COLLECTION_ALREADY_EXIST' // not in the SDK table: -501001, code kept in errMsg
  | 'DATABASE_TRANSACTION_CONFLICT' // runTransaction retries when this comes back from commit
  | 'STORAGE_REQUEST_FAIL' // -503001
  | 'STORAGE_FILE_NONEXIST' // -503003
  | 'FUNCTIONS_REQUEST_FAIL' // -504001
  | 'FUNCTIONS_EXECUTE_FAIL' // -504002

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(`[${code}] ${message}`)
  }
}

/**
 * Thrown by a non-transactional write that touches a document an open transaction has written:
 * the caller waits for the transaction to end and runs the write again (MongoDB blocks such writes
 * behind the transaction's document locks in the same way).
 */
export class BlockedByTransaction extends Error {
  constructor(readonly until: Promise<void>) {
    super('blocked by an open transaction')
  }
}
