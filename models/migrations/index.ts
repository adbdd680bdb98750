/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
import * as m001 from './001-initial';
import * as m002 from './002-engagement';
import * as m003 from './003-chat';
import * as m004 from './004-routing-models';
import * as m005 from './005-photos';
import * as m006 from './006-calendar';
import * as m007 from './007-department-aliases';
import * as m008 from './008-identity';
import * as m009 from './009-audit';
import * as m010 from './010-notification-settings';
import * as m013 from './013-sign-in-attempts';
import * as m014 from './014-service-role';
import * as m015 from './015-chat-messages';
import * as m011 from './011-rules';
import * as m016 from './016-scale-indexes';
import * as m017 from './017-suggestion-outcome';
import * as m018 from './018-user-role-index';
import * as m019 from './019-deputy-delegation-index';
import * as m020 from './020-dashboard-counts';
import * as m021 from './021-suggestion-tallies';

export const migrations = [
  { name: '001-initial', ...m001 },
  { name: '002-engagement', ...m002 },
  { name: '003-chat', ...m003 },
  { name: '004-routing-models', ...m004 },
  { name: '005-photos', ...m005 },
  { name: '006-calendar', ...m006 },
  { name: '007-department-aliases', ...m007 },
  { name: '008-identity', ...m008 },
  { name: '009-audit', ...m009 },
  { name: '010-notification-settings', ...m010 },
  { name: '013-sign-in-attempts', ...m013 },
  { name: '014-service-role', ...m014 },
  { name: '015-chat-messages', ...m015 },
  { name: '011-rules', ...m011 },
  { name: '016-scale-indexes', ...m016 },
  { name: '017-suggestion-outcome', ...m017 },
  { name: '018-user-role-index', ...m018 },
  { name: '019-deputy-delegation-index', ...m019 },
  { name: '020-dashboard-counts', ...m020 },
  { name: '021-suggestion-tallies', ...m021 },
];
