/** Fails the run early when CI expects MariaDB and no MySQL URL was given. */
export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  if (process.env.CI && !process.env.TEST_MYSQL_URL) {
    throw new Error('CI is set but TEST_MYSQL_URL is not: every database test must also run on MariaDB in CI');
  }
}
