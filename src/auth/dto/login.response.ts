import { UserResponse } from '../../users/dto/user.response';

export class LoginResponse {
  /** A short-lived bearer token (JWT, HS256). */
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserResponse;
}
