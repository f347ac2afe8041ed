import mysql from 'mysql2/promise';

/** The MariaDB of the real-server tests: root without a password on 127.0.0.1:3306, database `test`. */
export const MARIADB_URL = 'mysql://root@127.0.0.1:3306/test';

/** Whether that MariaDB answers (within 2 s): its tests are skipped when it does not. */
export function mariadbAnswers(): Promise<boolean> {
  return mysql
    .createConnection({ uri: MARIADB_URL, connectTimeout: 2000 })
    .then(async (connection) => {
      await connection.end();
      return true;
    })
    .catch(() => false);
}
