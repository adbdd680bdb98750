/**
 * The web chat simulator (`/chat` under `npm start`): try the bot without WeChat — pick a demo user, talk in a
 * "group" or privately, and see pushes arrive. It is a transport like the others: messages go through the
 * engine, pushes through the pusher (transport `web`), in demo mode only.
 */
import Router from '@koa/router';
import type { BotEngine } from './engine';
import { Pusher } from './pusher';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>履职通 · 聊天模拟器</title><style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#ededed;color:#111}
header{background:#2e2e2e;color:#fff;padding:10px 14px;display:flex;gap:8px;flex-wrap:wrap;align-items:center}
header select,header label{font-size:14px}#log{padding:12px;height:calc(100vh - 150px);overflow:auto}
.msg{max-width:78%;margin:8px 0;padding:8px 10px;border-radius:6px;white-space:pre-wrap;line-height:1.5}
.me{background:#95ec69;margin-left:auto}.bot{background:#fff}.push{background:#fff7e0;border:1px solid #f0c36d}
.meta{font-size:12px;color:#888;margin-bottom:2px}form{display:flex;gap:6px;padding:8px;background:#f7f7f7;border-top:1px solid #ddd}
input[type=text]{flex:1;font-size:16px;padding:8px}button{font-size:16px;padding:8px 14px;background:#07c160;color:#fff;border:0;border-radius:4px}
</style></head><body>
<header><b>履职通 聊天模拟器</b>
<label>我是 <select id="who"></select></label>
<label><input type="radio" name="where" value="private" checked> 私聊</label>
<label><input type="radio" name="where" value="group"> 群聊（代表履职群）</label>
<label><input type="checkbox" id="mention" checked> @履职通</label></header>
<div id="log"></div>
<form id="f"><input type="text" id="t" placeholder="试试：帮助、提建议、我的建议、通知、会议、我的任务、待分办" autocomplete="off"><button>发送</button></form>
<script>
const users=[...Array.from({length:10},(_,i)=>'deputy'+String(i+1).padStart(2,'0')),'office','office-zhangdian','staff-housing','staff-transport','staff-edu','citizen01'];
const who=document.getElementById('who');users.forEach(u=>who.add(new Option(u,u)));
const log=document.getElementById('log');
function add(cls,meta,text){const d=document.createElement('div');d.className='msg '+cls;d.innerHTML='<div class="meta"></div><div></div>';d.firstChild.textContent=meta;d.lastChild.textContent=text;log.appendChild(d);log.scrollTop=log.scrollHeight;}
document.getElementById('f').onsubmit=async e=>{e.preventDefault();const t=document.getElementById('t');const text=t.value.trim();if(!text)return;t.value='';
const group=document.querySelector('input[name=where]:checked').value==='group';add('me',who.value+(group?'（群聊）':''),text);
const r=await fetch('/chat/send',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({from:who.value,chat:group?'demo-group@chatroom':null,text,mention:document.getElementById('mention').checked})});
const data=await r.json();(data.replies||[]).forEach(m=>add('bot',m.chat?'履职通（群聊）':'履职通（私聊）',m.text));if(data.error)add('bot','出错了',data.error.message);};
setInterval(async()=>{const r=await fetch('/chat/pushes?user='+encodeURIComponent(who.value));const d=await r.json();(d.items||[]).forEach(p=>add('push','推送给 '+who.value,p));},3000);
</script></body></html>`;

/** The simulator's routes; `pushes` holds what the pusher delivered to each demo user until the page fetches it. */
export function webChatRoutes(engine: BotEngine): { router: Router; pusher: Pusher } {
  const mailbox = new Map<string, string[]>();
  const pusher = new Pusher(() => engine.serviceClient(), {
    transport: 'web',
    perMinute: 600,
    send: async (to, text) => {
      mailbox.set(to, [...(mailbox.get(to) ?? []), text]);
    },
  });
  const r = new Router();
  r.get('/chat', (ctx) => {
    ctx.type = 'html';
    ctx.body = PAGE;
  });
  r.post('/chat/send', async (ctx) => {
    const b = ctx.request.body as { from?: unknown; chat?: unknown; text?: unknown; mention?: unknown };
    if (typeof b?.from !== 'string' || typeof b.text !== 'string' || !b.text.trim()) {
      ctx.status = 400;
      ctx.body = { error: { code: 'invalid', message: '请选择用户并输入内容' } };
      return;
    }
    const chat = typeof b.chat === 'string' && b.chat ? b.chat : null;
    const replies = await engine.handle({ transport: 'web', chatId: chat, chatType: chat ? 'group' : 'single', senderId: b.from, senderName: b.from, text: b.text, mentionsBot: b.mention === true });
    ctx.body = { replies };
  });
  r.get('/chat/pushes', async (ctx) => {
    const user = String(ctx.query.user ?? '');
    const items = mailbox.get(user) ?? [];
    mailbox.delete(user);
    ctx.body = { items };
  });
  return { router: r, pusher };
}
