/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
import * as m001 from './001-initial';

export const migrations = [{ name: '001-initial', ...m001 }];
