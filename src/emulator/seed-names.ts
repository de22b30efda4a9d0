// Name lists for the seeded organisation.

export const FIRST_NAMES = [
  'Alex', 'Priya', 'Jordan', 'Mei', 'Samuel', 'Aisha', 'Lukas', 'Sofia', 'Daniel', 'Chloe',
  'Mateo', 'Hannah', 'Omar', 'Grace', 'Ravi', 'Elena', 'Tom', 'Yuki', 'Noah', 'Fatima',
  'Liam', 'Ines', 'Kwame', 'Olivia', 'Jonas', 'Ana', 'Ethan', 'Leila', 'Marco', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Morgan', 'Patel', 'Okafor', 'Chen', 'Schmidt', 'Garcia', 'Nguyen', 'Kowalski', 'Smith', 'Rossi',
  'Dubois', 'Tanaka', 'Haddad', 'Johansson', 'Silva', 'Murphy', 'Kim', 'Novak', 'Fischer', 'Ahmed',
  'Brown', 'Lopez', 'Mensah', 'Ivanova', 'Walsh', 'Costa', 'Larsen', 'Khan', 'Bauer', 'Reyes',
] as const;

export const API_ACCOUNT_STEMS = [
  'ci-pipeline', 'jenkins', 'gh-actions', 'gitlab-ci', 'sca-agent', 'results-sync', 'archer-export',
  'upload-bot', 'jira-sync', 'nightly-scan', 'azure-devops', 'splunk-feed',
] as const;

export const CLIENT_PURPOSES = [
  'CI pipeline', 'Nightly scan', 'Results export', 'Security dashboard', 'Jira sync', 'SBOM upload',
  'Policy check', 'Backstage plugin', 'Release gate', 'Metrics collector',
] as const;

export const TEAM_NAMES = ['Payments', 'Platform', 'Mobile', 'Data', 'Security', 'Web', 'Identity', 'Checkout'] as const;
