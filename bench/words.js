// Word lists for the benchmark corpus: plain lowercase ASCII words, so that Markdown never needs
// escaping and heading ids are easy to predict (github-slugger leaves them as they are).

export const nouns = [
  'battery', 'router', 'laptop', 'cupboard', 'server', 'disk', 'kernel', 'fan', 'cable', 'switch',
  'console', 'backup', 'log', 'shed', 'antenna', 'modem', 'charger', 'screen', 'keyboard', 'script',
  'feed', 'capsule', 'mirror', 'archive', 'thermostat', 'sensor', 'relay', 'fuse', 'drive', 'partition',
  'editor', 'terminal', 'library', 'repository', 'patch', 'timer', 'daemon', 'socket', 'port', 'network',
  'printer', 'scanner', 'radio', 'inverter', 'heatsink', 'bootloader', 'firmware', 'checksum', 'cron', 'mailbox',
  'notebook', 'workshop', 'allotment', 'attic', 'lighthouse', 'harbour', 'kettle', 'lantern', 'bicycle', 'garden',
  'signal', 'window', 'shelf', 'drawer', 'ledger', 'journal', 'manual', 'diagram', 'sketch', 'map',
  'winter', 'summer', 'morning', 'evening', 'weekend', 'neighbour', 'volunteer', 'reader', 'tinkerer', 'visitor',
];

export const adjectives = [
  'quiet', 'old', 'small', 'patient', 'dusty', 'spare', 'borrowed', 'humble', 'careful', 'stubborn',
  'cheap', 'sturdy', 'slow', 'bright', 'warm', 'cold', 'tiny', 'faithful', 'noisy', 'forgotten',
  'second', 'last', 'first', 'plain', 'simple', 'honest', 'gentle', 'rusty', 'shared', 'local',
  'broken', 'mended', 'useful', 'curious', 'tidy', 'messy', 'weekly', 'nightly', 'yellow', 'green',
];

export const verbs = [
  'keeps', 'restarts', 'watches', 'logs', 'measures', 'replaces', 'mends', 'cools', 'feeds', 'serves',
  'copies', 'checks', 'wakes', 'powers', 'guards', 'counts', 'follows', 'outlives', 'borrows', 'answers',
  'rewrites', 'tests', 'moves', 'opens', 'closes', 'warms', 'charges', 'mirrors', 'archives', 'remembers',
];

export const adverbs = [
  'slowly', 'quietly', 'carefully', 'reliably', 'rarely', 'happily', 'patiently', 'eventually', 'daily', 'again',
  'stubbornly', 'gently', 'twice', 'politely', 'cheerfully', 'barely', 'always', 'sometimes', 'often', 'early',
];

export const prepositions = ['under', 'beside', 'behind', 'above', 'inside', 'near', 'after', 'before', 'without', 'with'];

export const times = ['morning', 'evening', 'night', 'week', 'month', 'winter', 'spring', 'year', 'hour', 'weekend'];

export const codeWords = [
  'systemctl', 'fstab', 'crontab', 'rsync', 'smartctl', 'df -h', 'uptime', 'journalctl', 'ssh', 'tmux',
  'git log', 'make', 'dmesg', 'lsblk', 'ping', 'vmstat', 'sensors', 'htop', 'zfs list', 'mount',
];

export const tags = [
  'hardware', 'power', 'backup', 'history', 'interview', 'howto', 'letters', 'links', 'gemini', 'gopher',
  'networking', 'repair', 'solar', 'storage', 'monitoring', 'community', 'radio', 'art', 'review', 'security',
];

export const firstNames = [
  'Ada', 'Bede', 'Cora', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hamid', 'Ines', 'Jonah',
  'Kit', 'Lena', 'Marlo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Ragna', 'Sol', 'Tamsin',
  'Ulla', 'Viktor', 'Wen', 'Xavi', 'Yara', 'Zeno', 'Amara', 'Bruno', 'Chidi', 'Dagny',
  'Emeka', 'Freya', 'Goran', 'Hana', 'Ivo', 'Jude', 'Kaito', 'Lior', 'Mina', 'Noor',
];

export const lastNames = [
  'Achterberg', 'Okafor', 'Quist', 'Hsu', 'Pettersen', 'Rook', 'Varga', 'Lindqvist', 'Mendes', 'Novak',
  'Abara', 'Berg', 'Castillo', 'Dahl', 'Eze', 'Fischer', 'Gallo', 'Haddad', 'Ito', 'Jansen',
  'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Ortiz', 'Petrov', 'Rossi', 'Sato', 'Tanaka', 'Umeh',
  'Vidal', 'Weber', 'Yilmaz', 'Zhou', 'Alves', 'Brandt', 'Costa', 'Duarte', 'Engel', 'Ferreira',
];
