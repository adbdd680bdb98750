/** Choosing photos on the phone (or files in the browser) and uploading them to the API. */
import Taro from '@tarojs/taro';
import { api } from './api';

/** The bytes of a chosen image (a temp file on WeChat, a blob URL in the browser). */
async function bytesOf(path: string): Promise<ArrayBuffer> {
  if (process.env.TARO_ENV === 'h5') return (await fetch(path)).arrayBuffer();
  return Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer;
}

/** Lets the user pick up to `count` photos and uploads them; returns what the API stored. */
export async function choosePhotos(count: number): Promise<{ id: number; url: string }[]> {
  const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const out: { id: number; url: string }[] = [];
  for (const path of chosen.tempFilePaths) out.push(await api.uploadPhoto(await bytesOf(path), 'application/octet-stream'));
  return out;
}

/** An API photo link as an image source (the API is another host on WeChat). */
export const photoSrc = (url: string): string => `${API_BASE}${url}`;
