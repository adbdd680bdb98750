/** 消息 (a tab): notices, invitations, progress and reminders. */
import { Inbox } from '../../components/Inbox';

export default Inbox;
